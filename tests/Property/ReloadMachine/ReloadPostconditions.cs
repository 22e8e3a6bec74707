using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Engine;
using Microsoft.Extensions.Logging;

namespace HotReload.Property.Tests.ReloadMachine;

/// <summary>What must hold after every operation; a failure says which promise broke and how.</summary>
internal static class ReloadPostconditions
{
    public static void Verify(EngineRig rig, ReloadModel model, ReloadOperation operation, int outcomesBefore)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(operation);
        var current = rig.Current;
        var status = rig.Engine.Status!;

        // Promises that hold whatever the model says: checked on the engine's own history.
        VerifyHistory(rig);

        // The engine agrees with the model.
        Expect(current.Generation == model.Generation, $"generation {current.Generation}, model expects {model.Generation}");
        Expect(current.Sha256 == model.Serving.Sha256, $"serving sha {Short(current.Sha256)}, model expects {model.Serving}");
        Expect(current.Config == model.Serving.Config, $"serving config differs from the model's {model.Serving}");
        Expect(status.Generation == current.Generation && status.Sha256 == current.Sha256, "status disagrees with the serving snapshot");
        Expect(status.Counts == new ReloadCounts(model.Applied, model.Unchanged, model.Rejected),
            $"status counts {status.Counts}, model expects applied {model.Applied} unchanged {model.Unchanged} rejected {model.Rejected}");
        var last = status.LastAttempt!;
        Expect(new ModelOutcome(last.Result, last.Reason) == model.Last, $"last outcome {last.Result}/{last.Reason}, model expects {model.Last}");
        Expect(rig.Outcomes.Count == model.Applied + model.Unchanged + model.Rejected, $"{rig.Outcomes.Count} outcomes published, model counts differ");

        VerifyLogs(rig, model);

        if (operation.Kind is OperationKind.Settles or OperationKind.Burst)
        {
            // AT-04: once the file is quiet, valid content is what serves (unless no event ever told the engine).
            Expect(model.IsIdle, "the settle steps were too short to drain the scheduler (a test bug)");
            if (model.File.Kind == ContentKind.Valid && !model.ChangeUnnoticed)
            {
                Expect(current.Sha256 == model.File.Sha256 && current.Config == model.File.Config, $"after the file went quiet, {Short(current.Sha256)} serves instead of {model.File}");
            }
        }

        if (operation.Kind == OperationKind.Burst)
        {
            // RC-01: a burst is coalesced; fewer applies than writes.
            var writes = operation.Steps.Count(s => s is EngineStep.Write);
            var applies = rig.Outcomes.Skip(outcomesBefore).Count(o => o.Result == ReloadResult.Applied);
            Expect(applies < writes, $"a burst of {writes} writes caused {applies} applies");
        }
    }

    /// <summary>
    /// LG-01: one Information event per applied reload, naming its generation and hash prefix; LG-02: one
    /// Warning per distinct rejection; LG-03: nothing else (unchanged reads, retries, repeats) above Debug.
    /// </summary>
    private static void VerifyLogs(EngineRig rig, ReloadModel model)
    {
        var loud = rig.Logs.GetSnapshot().Where(r => r.Level > LogLevel.Debug).ToList();
        var applied = loud.Where(r => r.Id.Id == 1010 && r.Level == LogLevel.Information).ToList();
        var warnings = loud.Count(r => r.Id.Id == 1011 && r.Level == LogLevel.Warning);
        Expect(applied.Count == model.Applied, $"{applied.Count} applied events logged, model expects {model.Applied}");
        Expect(warnings == model.Warnings, $"{warnings} rejection warnings logged, model expects {model.Warnings}");
        Expect(loud.Count == applied.Count + warnings, $"unexpected events above Debug: {string.Join("; ", loud.Where(r => r.Id.Id is not (1010 or 1011)).Select(r => r.Message))}");
        if (applied.Count > 0 && model.Last.Result == ReloadResult.Applied)
        {
            var message = applied[^1].Message;
            Expect(message.Contains($"generation {model.Generation} ", StringComparison.Ordinal) && message.Contains(model.Serving.Sha256![..8], StringComparison.Ordinal),
                $"the applied event does not name generation {model.Generation} and its hash: {message}");
        }
    }

    /// <summary>
    /// HR-02/HR-03/EH-01: generations go up by exactly one per applied outcome and only then; an applied
    /// outcome always brings new bytes; unchanged means the same bytes; a rejected hash never serves.
    /// </summary>
    private static void VerifyHistory(EngineRig rig)
    {
        var generation = 1L;
        var sha = rig.InitialSha256;
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in rig.Outcomes)
        {
            switch (outcome.Result)
            {
                case ReloadResult.Applied:
                    Expect(outcome.Generation == generation + 1, $"applied as generation {outcome.Generation} after {generation}");
                    Expect(outcome.Sha256 != sha, "applied content identical to what was serving");
                    Expect(outcome.Sha256 is not null && !rejected.Contains(outcome.Sha256), "applied content that was rejected before");
                    generation = outcome.Generation;
                    sha = outcome.Sha256;
                    break;
                case ReloadResult.Unchanged:
                    Expect(outcome.Generation == generation && outcome.Sha256 == sha, "unchanged outcome with another generation or hash");
                    break;
                default:
                    Expect(outcome.Generation == generation, "a rejection changed the generation");
                    if (outcome.Sha256 is not null)
                    {
                        rejected.Add(outcome.Sha256);
                    }

                    break;
            }
        }

        Expect(!rejected.Contains(rig.Current.Sha256), "rejected content is serving");
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new ReloadModelMismatchException(message);
        }
    }

    private static string Short(string? sha) => sha is null ? "(none)" : sha[..Math.Min(8, sha.Length)];
}

/// <summary>The engine broke a promise or disagreed with the model; FsCheck reports it with the shrunk sequence.</summary>
internal sealed class ReloadModelMismatchException : Exception
{
    public ReloadModelMismatchException()
    {
    }

    public ReloadModelMismatchException(string message) : base(message)
    {
    }

    public ReloadModelMismatchException(string message, Exception inner) : base(message, inner)
    {
    }
}
