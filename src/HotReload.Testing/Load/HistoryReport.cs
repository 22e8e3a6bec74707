using System.Text;

namespace HotReload.Testing.Load;

/// <summary>The verdict on one history: its violations and a few figures to print beside them.</summary>
public sealed class HistoryReport
{
    private const int ViolationsShown = 20;

    internal HistoryReport(IReadOnlyList<RequestRecord> history, IReadOnlyList<HistoryViolation> violations)
    {
        Violations = violations;
        Requests = history.Count;
        GenerationsSeen = history.Where(r => r.Generation is not null).Select(r => r.Generation!.Value).Distinct().Order().ToList();
    }

    /// <summary>Every violation found, in the order found.</summary>
    public IReadOnlyList<HistoryViolation> Violations { get; }

    /// <summary>How many requests the history holds.</summary>
    public int Requests { get; }

    /// <summary>The distinct generations responses named, in order.</summary>
    public IReadOnlyList<long> GenerationsSeen { get; }

    /// <summary>True when there is no violation.</summary>
    public bool IsClean => Violations.Count == 0;

    /// <summary>The violations of one kind.</summary>
    /// <param name="kind">The kind wanted.</param>
    /// <returns>Those violations.</returns>
    public IEnumerable<HistoryViolation> Of(ViolationKind kind) => Violations.Where(v => v.Kind == kind);

    /// <summary>Throws with the first violations and a count per kind when the history is not clean.</summary>
    public void ThrowIfViolated()
    {
        if (!IsClean)
        {
            throw new HistoryViolationException(ToString());
        }
    }

    /// <summary>The figures, then a count per kind and the first violations.</summary>
    /// <returns>The report as text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{Requests} requests, generations seen [{string.Join(", ", GenerationsSeen)}], ");
        if (IsClean)
        {
            return text.Append("no violations").ToString();
        }

        text.Append(string.Join(", ", Violations.GroupBy(v => v.Kind).Select(g => $"{g.Count()} {g.Key}"))).AppendLine(":");
        foreach (var violation in Violations.Take(ViolationsShown))
        {
            text.Append("  ").AppendLine(violation.ToString());
        }

        if (Violations.Count > ViolationsShown)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  … and {Violations.Count - ViolationsShown} more");
        }

        return text.ToString();
    }
}

/// <summary>Thrown by <see cref="HistoryReport.ThrowIfViolated"/>; the message is the report.</summary>
public sealed class HistoryViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HistoryViolationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The report.</param>
    public HistoryViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The report.</param>
    /// <param name="innerException">The cause.</param>
    public HistoryViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
