using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>One semantic rule about one cluster; the validator owns the loop over clusters.</summary>
internal interface IClusterRule
{
    void Check(string name, ClusterConfig cluster, ValidationReport report);
}
