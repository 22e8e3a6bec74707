namespace HotReloadProxy.Testing.Proxies;

/// <summary>A proxy process did not start listening; it has been killed, and the message holds its output.</summary>
public sealed class ProxyStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProxyStartException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ProxyStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ProxyStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the process <paramref name="processId"/>.</summary>
    /// <param name="processId">The id the process had.</param>
    /// <param name="message">What went wrong.</param>
    public ProxyStartException(int processId, string message)
        : base(message)
    {
        ProcessId = processId;
    }

    /// <summary>The id the killed process had.</summary>
    public int ProcessId { get; }
}
