namespace HotReload.Traceability.Cli;

/// <summary>Command-line arguments that do not make a command; exit code 2 with the usage text.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
