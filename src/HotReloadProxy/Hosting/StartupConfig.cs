using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Hosting;

/// <summary>
/// The first load, as its own step before the host is built: the file is read and checked exactly as a
/// reload would check it, so a bad file stops startup with its errors before anything listens, and the
/// "server" section (which names the listeners) is known before Kestrel is configured.
/// </summary>
internal sealed record StartupConfig(string Path, bool UsingEmbeddedDefault, ServerConfig? Server)
{
    /// <summary>Checks the config named by <paramref name="options"/>, or throws <see cref="ConfigLoadException"/> with every error.</summary>
    public static StartupConfig Check(ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = new PhysicalConfigFileSource(options.ConfigPath);
        var read = source.Read(options.MaxConfigBytes);
        var usingDefault = read is ConfigFileRead.Missing && !options.ConfigPathExplicit;
        if (usingDefault)
        {
            read = new ConfigFileRead.Content(EmbeddedDefaultConfig.Bytes);
        }

        var check = ConfigCheck.Run(read, new ConfigValidator(), options.MaxConfigBytes);
        return check.IsValid
            ? new StartupConfig(source.Path, usingDefault, check.Config!.Server)
            : throw new ConfigLoadException(source.Path, check.Reason, check.Errors);
    }
}
