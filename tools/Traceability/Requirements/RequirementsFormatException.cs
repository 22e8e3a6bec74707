namespace HotReload.Traceability.Requirements;

/// <summary>A requirements file that cannot be used; the message starts with file:line like a compiler's.</summary>
public sealed class RequirementsFormatException : Exception
{
    public RequirementsFormatException(string fileName, int line, string problem)
        : base($"{fileName}:{line}: {problem}")
    {
    }

    public RequirementsFormatException()
    {
    }

    public RequirementsFormatException(string message)
        : base(message)
    {
    }

    public RequirementsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
