namespace HotReloadProxy.Cli;

/// <summary>
/// One option the command line accepts. <paramref name="ValueName"/> null makes it a flag (<c>--strict</c>,
/// or <c>--strict=false</c>); otherwise it takes a value, as <c>--name value</c> or <c>--name=value</c>.
/// <paramref name="Hidden"/> options are accepted but not listed (host settings a test host passes).
/// </summary>
internal sealed record CommandLineOption(string Name, string? ValueName, string Help, bool Hidden = false)
{
    public bool IsFlag => ValueName is null;

    public string Synopsis => IsFlag ? $"--{Name}" : $"--{Name} <{ValueName}>";
}
