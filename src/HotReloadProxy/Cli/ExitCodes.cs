using HotReloadProxy.Hosting;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Cli;

/// <summary>
/// The one mapping from a failure to the process exit code, for running and for <c>validate</c> alike
/// (like <c>nginx -t</c>): 0 fine, 1 the config is wrong, 2 the command line is wrong or the file cannot be read.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int InvalidConfig = 1;
    public const int UsageOrUnreadable = 2;

    public static int For(RejectionReason reason) => reason switch
    {
        RejectionReason.None => Success,
        RejectionReason.Missing or RejectionReason.Unreadable or RejectionReason.IsDirectory or RejectionReason.TooLarge => UsageOrUnreadable,
        _ => InvalidConfig,
    };

    public static int For(Exception exception) => exception switch
    {
        ProxyOptionsException => UsageOrUnreadable,
        ConfigLoadException config => config.Reason == RejectionReason.None ? InvalidConfig : For(config.Reason),
        _ => InvalidConfig,
    };
}
