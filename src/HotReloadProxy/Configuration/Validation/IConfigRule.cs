using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>One semantic rule. Rules report by JSON path; the validator turns paths into line and column.</summary>
public interface IConfigRule
{
    void Check(ProxyConfig config, ValidationReport report);
}
