using System.Globalization;
using HotReloadProxy.Reload;

namespace HotReload.Property.Tests.ReloadMachine;

/// <summary>What the model predicts the last reload attempt reported.</summary>
internal readonly record struct ModelOutcome(ReloadResult Result, RejectionReason Reason)
{
    public override string ToString() => Reason == RejectionReason.None ? Result.ToString() : $"{Result}/{Reason}";
}

/// <summary>
/// The reload engine and scheduler as the docs describe them, in a few immutable fields: the file, what is
/// serving, the generation, the counts, and the scheduler's pending trigger and timer. Time is an offset from
/// the rig's start, in exact ticks, like the fake clock.
/// </summary>
/// <remarks>
/// Rules (docs/architecture.md, requirements HR-02..04, EH-01..04, RC-01..03):
/// a trigger (re)starts the quiet window, but a pending change never waits longer than 10 windows in all;
/// a pass judges the file: same SHA-256 as serving is Unchanged, valid is Applied as the next generation,
/// anything else is Rejected and the serving config stays; a file that looks mid-write (missing, empty,
/// malformed) is instead re-read up to 3 times one window apart before it is rejected, and a new trigger
/// starts that count again; a manual reload judges at once. The fake clock fires a due timer once per
/// advance, at the advance's end time, which is the time the scheduler then sees.
/// </remarks>
internal sealed record ReloadModel
{
    /// <summary>The scheduler's maximum delay is this many quiet windows.</summary>
    public const int MaxDelayWindows = 10;
    public const int WriteInProgressRetries = 3;

    /// <summary>The rig's quiet window (the default 20 ms, or another to exercise --reload-debounce values).</summary>
    public required TimeSpan QuietWindow { get; init; }

    public TimeSpan MaxDelay => QuietWindow * MaxDelayWindows;

    public required FileContent File { get; init; }

    public required FileContent Serving { get; init; }

    public long Generation { get; init; } = 1;

    public long Applied { get; init; }

    public long Unchanged { get; init; }

    public long Rejected { get; init; }

    /// <summary>Rejection warnings logged: one per distinct condition, repeats of the last one only at Debug (LG-02).</summary>
    public long Warnings { get; init; }

    /// <summary>The condition of the last rejection, until an apply or an unchanged read clears it.</summary>
    public string? LastRejection { get; init; }

    public ModelOutcome Last { get; init; } = new(ReloadResult.Applied, RejectionReason.None);

    public TimeSpan Now { get; init; }

    public bool Pending { get; init; }

    public TimeSpan PendingSince { get; init; }

    public TimeSpan? TimerDue { get; init; }

    public int Retries { get; init; }

    /// <summary>The file changed and nothing has looked at it since: no event, no manual reload (a missed event).</summary>
    public bool ChangeUnnoticed { get; init; }

    /// <summary>A change that will land while the engine reads the file next (scripted with the in-memory file's read hook).</summary>
    public FileContent? WriteDuringNextRead { get; init; }

    /// <summary>True only inside a scheduler pass: a trigger then does not arm the timer.</summary>
    public bool PassRunning { get; init; }

    /// <summary>Nothing pending and no timer armed: the scheduler will do nothing more on its own.</summary>
    public bool IsIdle => !Pending && TimerDue is null;

    public static ReloadModel Start(FileContent initial, TimeSpan quietWindow) => new() { File = initial, Serving = initial, QuietWindow = quietWindow };

    public ReloadModel After(EngineStep step) => step switch
    {
        EngineStep.Write write => this with { File = write.Content, ChangeUnnoticed = true },
        EngineStep.WriteDuringNextRead hook => this with { WriteDuringNextRead = hook.Content },
        EngineStep.Touch => this,
        EngineStep.FileEvent => (this with { ChangeUnnoticed = false }).Notify(),
        EngineStep.Advance advance => AdvanceBy(advance.By),
        EngineStep.ReloadNow => ReloadNow(),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown step."),
    };

    public ReloadModel After(IEnumerable<EngineStep> steps) => steps.Aggregate(this, (model, step) => model.After(step));

    private ReloadModel Notify()
    {
        var model = this with { PendingSince = Pending ? PendingSince : Now, Pending = true, Retries = 0 };
        if (model.PassRunning)
        {
            // The pass in progress re-arms the timer when it ends (one more pass).
            return model;
        }

        var untilMax = MaxDelay - (model.Now - model.PendingSince);
        var delay = untilMax < QuietWindow ? (untilMax > TimeSpan.Zero ? untilMax : TimeSpan.Zero) : QuietWindow;
        model = model with { TimerDue = Now + delay };
        // A timer armed with no delay fires at once, on the notifying thread.
        return delay == TimeSpan.Zero ? model.Pass() : model;
    }

    private ReloadModel AdvanceBy(TimeSpan by)
    {
        var model = this with { Now = Now + by };
        return model.TimerDue is { } due && due <= model.Now ? (model with { TimerDue = null }).Pass() : model;
    }

    private ReloadModel ReloadNow()
    {
        var read = File;
        var model = (this with { ChangeUnnoticed = false }).AfterRead();
        return model.Judge(read, allowDefer: false) ?? throw new InvalidOperationException("A manual reload is never deferred.");
    }

    private ReloadModel Pass()
    {
        var read = File;
        var model = (this with { Pending = false, TimerDue = null, PassRunning = true }).AfterRead() with { PassRunning = false };
        var judged = model.Judge(read, allowDefer: Retries < WriteInProgressRetries);
        if (model.Pending)
        {
            // RC-02: triggers arrived during the pass: exactly one more pass, a quiet window later.
            return (judged ?? model) with { PendingSince = Now, TimerDue = Now + QuietWindow };
        }

        return judged is null
            ? model with { Retries = Retries + 1, Pending = true, PendingSince = Now, TimerDue = Now + QuietWindow }
            : judged with { Retries = 0 };
    }

    /// <summary>The engine has taken the file's bytes; a change scripted to land now does so, with its event.</summary>
    private ReloadModel AfterRead() => WriteDuringNextRead is { } change
        ? (this with { WriteDuringNextRead = null, File = change }).Notify()
        : this;

    /// <summary>One engine attempt on the bytes it read; null when it is deferred as a write in progress.</summary>
    private ReloadModel? Judge(FileContent read, bool allowDefer)
    {
        if (read.Sha256 is not null && read.Sha256 == Serving.Sha256)
        {
            return this with { Unchanged = Unchanged + 1, Last = new(ReloadResult.Unchanged, RejectionReason.None), LastRejection = null };
        }

        if (read.Kind == ContentKind.Valid)
        {
            return this with
            {
                Serving = read, Generation = Generation + 1, Applied = Applied + 1, Last = new(ReloadResult.Applied, RejectionReason.None), LastRejection = null,
            };
        }

        if (allowDefer && read.LooksMidWrite)
        {
            return null;
        }

        // Same bytes, or the same missing, unreadable or directory state, or an oversized file of the same size.
        var condition = $"{read.Reason}|{read.Sha256 ?? read.Bytes?.Length.ToString(CultureInfo.InvariantCulture)}";
        return this with
        {
            Rejected = Rejected + 1, Last = new(ReloadResult.Rejected, read.Reason),
            Warnings = condition == LastRejection ? Warnings : Warnings + 1, LastRejection = condition,
        };
    }

    public override string ToString()
    {
        var scheduler = Pending
            ? $"pending since {Ms(PendingSince)}, due {(TimerDue is { } due ? Ms(due) : "-")}, retries {Retries}"
            : "idle";
        return $"[Q={Ms(QuietWindow)} t={Ms(Now)} gen {Generation} serving {Serving} | file {File} | applied {Applied} unchanged {Unchanged} rejected {Rejected} warned {Warnings} last {Last} | {scheduler}{(ChangeUnnoticed ? ", change unnoticed" : "")}{(WriteDuringNextRead is { } next ? $", next read brings {next}" : "")}]";
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
}
