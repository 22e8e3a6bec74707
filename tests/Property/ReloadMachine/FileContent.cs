using System.Security.Cryptography;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Reload;

namespace HotReload.Property.Tests.ReloadMachine;

/// <summary>What the model knows the config file holds, and therefore what a reload of it must do.</summary>
internal enum ContentKind
{
    Valid,
    Syntax,
    Empty,
    Invalid,
    RestartRequired,
    Missing,
    Directory,
    Unreadable,
    TooLarge,
}

/// <summary>
/// One state of the config file in the model. The kind is known by construction (the generator put the
/// mistake there), never by asking the code under test, so the model can disagree with the engine.
/// </summary>
internal sealed class FileContent
{
    private FileContent(ContentKind kind, string label, byte[]? bytes, ProxyConfig? config)
    {
        Kind = kind;
        Label = label;
        Bytes = bytes;
        Config = config;
        // Only bytes that are read get hashed: a file over the size limit is rejected before it is read.
        Sha256 = bytes is null || kind == ContentKind.TooLarge ? null : Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public ContentKind Kind { get; }

    /// <summary>How the operation that wrote it describes it, for the printed counterexample.</summary>
    public string Label { get; }

    public byte[]? Bytes { get; }

    /// <summary>The config the bytes hold, for valid content.</summary>
    public ProxyConfig? Config { get; }

    public string? Sha256 { get; }

    /// <summary>What a rejection of this content reports.</summary>
    public RejectionReason Reason => Kind switch
    {
        ContentKind.Valid => RejectionReason.None,
        ContentKind.Syntax => RejectionReason.Syntax,
        ContentKind.Empty => RejectionReason.Empty,
        ContentKind.Invalid => RejectionReason.Invalid,
        ContentKind.RestartRequired => RejectionReason.RestartRequired,
        ContentKind.Missing => RejectionReason.Missing,
        ContentKind.Directory => RejectionReason.IsDirectory,
        ContentKind.Unreadable => RejectionReason.Unreadable,
        _ => RejectionReason.TooLarge,
    };

    /// <summary>Missing, empty or malformed: the documented signs of a write in progress, worth a re-read.</summary>
    public bool LooksMidWrite => Kind is ContentKind.Missing or ContentKind.Empty or ContentKind.Syntax;

    public static FileContent Valid(string label, byte[] bytes, ProxyConfig config) => new(ContentKind.Valid, label, bytes, config);

    public static FileContent Rejected(ContentKind kind, string label, byte[]? bytes) =>
        kind == ContentKind.Valid ? throw new ArgumentException("Valid content needs its config.", nameof(kind)) : new(kind, label, bytes, null);

    public override string ToString() => Sha256 is null ? $"{Kind}({Label})" : $"{Kind}({Label}, sha {Sha256[..8]})";
}
