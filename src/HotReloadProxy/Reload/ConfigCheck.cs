using System.Security.Cryptography;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;

namespace HotReloadProxy.Reload;

/// <summary>
/// The pure part of loading: file read, hash, parse, validate. Shared by the reload engine, startup and
/// the <c>validate</c> command, so all three accept and reject exactly the same files.
/// </summary>
internal sealed record ConfigCheck
{
    public required RejectionReason Reason { get; init; }

    public IReadOnlyList<ConfigError> Errors { get; init; } = [];

    /// <summary>The accepted config with what validation parsed from it; null when rejected.</summary>
    public ValidConfig? Valid { get; init; }

    public ProxyConfig? Config => Valid?.Config;

    public string? Sha256 { get; init; }

    public bool IsValid => Reason == RejectionReason.None;

    /// <summary>Missing, empty or malformed: what a file looks like in the middle of being replaced or written.</summary>
    public bool MayBeWriteInProgress => Reason is RejectionReason.Missing or RejectionReason.Empty or RejectionReason.Syntax;

    public static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// Checks what the source holds now: a source that composes its config itself (a directory of fragments)
    /// checks it whole; any other is read as one file.
    /// </summary>
    public static ConfigCheck Load(IConfigFileSource source, ConfigValidator validator, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source is IComposedConfigSource composed ? composed.Check(validator, maxBytes) : Run(source.Read(maxBytes), validator, maxBytes);
    }

    public static ConfigCheck Run(ConfigFileRead read, ConfigValidator validator, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(validator);
        switch (read)
        {
            case ConfigFileRead.Missing:
                return Reject(RejectionReason.Missing, "The config file does not exist (deleted or renamed away). The last good config keeps serving; put the file back to apply changes.");
            case ConfigFileRead.IsDirectory:
                return Reject(RejectionReason.IsDirectory, "The config path is a directory, not a file. Replace it with a config file.");
            case ConfigFileRead.Unreadable unreadable:
                return Reject(RejectionReason.Unreadable, $"The config file cannot be read: {unreadable.Reason} Check its permissions.");
            case ConfigFileRead.TooLarge tooLarge:
                return Reject(RejectionReason.TooLarge, $"The config file is {tooLarge.Size} bytes, over the {maxBytes}-byte limit. Shrink it or raise --max-config-bytes.");
        }

        var bytes = ((ConfigFileRead.Content)read).Bytes;
        var sha = HashOf(bytes);
        var parsed = ConfigParser.Parse(bytes);
        if (!parsed.Succeeded)
        {
            var reason = parsed.IsEmpty ? RejectionReason.Empty : parsed.IsSyntaxError ? RejectionReason.Syntax : RejectionReason.Invalid;
            return new ConfigCheck { Reason = reason, Errors = parsed.Errors, Sha256 = sha };
        }

        var validation = validator.Validate(parsed.Config, parsed.Positions);
        return validation.Valid is { } valid
            ? new ConfigCheck { Reason = RejectionReason.None, Valid = valid, Sha256 = sha }
            : new ConfigCheck { Reason = RejectionReason.Invalid, Errors = validation.Errors, Sha256 = sha };
    }

    private static ConfigCheck Reject(RejectionReason reason, string message) =>
        new() { Reason = reason, Errors = [ConfigError.ForFile(message)] };
}
