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

    public IReadOnlyList<HistoryViolation> Violations { get; }

    public int Requests { get; }

    public IReadOnlyList<long> GenerationsSeen { get; }

    public bool IsClean => Violations.Count == 0;

    public IEnumerable<HistoryViolation> Of(ViolationKind kind) => Violations.Where(v => v.Kind == kind);

    /// <summary>Throws with the first violations and a count per kind when the history is not clean.</summary>
    public void ThrowIfViolated()
    {
        if (!IsClean)
        {
            throw new HistoryViolationException(ToString());
        }
    }

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

public sealed class HistoryViolationException : Exception
{
    public HistoryViolationException()
    {
    }

    public HistoryViolationException(string message)
        : base(message)
    {
    }

    public HistoryViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
