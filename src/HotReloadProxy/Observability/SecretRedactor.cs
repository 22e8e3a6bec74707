namespace HotReloadProxy.Observability;

/// <summary>Header values that look like credentials are replaced before they reach a log.</summary>
internal static class SecretRedactor
{
    public const string Redacted = "***";

    private static readonly string[] SecretNameParts = ["key", "token", "secret", "password", "auth", "cookie", "credential", "signature"];

    public static bool LooksSecret(string headerName)
    {
        ArgumentNullException.ThrowIfNull(headerName);
        return SecretNameParts.Any(part => headerName.Contains(part, StringComparison.OrdinalIgnoreCase));
    }

    public static string Redact(string headerName, string value) => LooksSecret(headerName) ? Redacted : value;
}
