using System.Diagnostics;
using HotReload.Conformance.Profiles;

namespace HotReload.Conformance.Targets;

/// <summary>Makes the proxy reload after an edit, the way its operators do.</summary>
internal sealed class ReloadTrigger(ReloadSpec spec, IReadOnlyDictionary<string, string> values, IRunningTarget target, HttpClient http)
{
    /// <summary>Runs the reload; returns a note when the proxy's reload command refused (expected for broken files).</summary>
    public async Task<string?> TriggerAsync(CancellationToken cancellationToken)
    {
        switch (spec.Kind)
        {
            case ReloadKind.Watch:
                return null;
            case ReloadKind.Command:
                return await RunAsync(Placeholders.Render(spec.Command ?? throw new ProfileException("reload.kind is command but reload.command is missing."), values),
                    spec.Args.Select(a => Placeholders.Render(a, values)), cancellationToken);
            case ReloadKind.Signal:
                var pid = target.ProcessId ?? throw new ProfileException("reload.kind is signal but the target is not a process.");
                return await RunAsync("kill", ["-s", spec.Signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);
            case ReloadKind.Http:
                using (var request = new HttpRequestMessage(new HttpMethod(spec.Method), Placeholders.Render(spec.Url ?? throw new ProfileException("reload.kind is http but reload.url is missing."), values)))
                {
                    try
                    {
                        using var response = await http.SendAsync(request, cancellationToken);
                        return response.IsSuccessStatusCode ? null : $"reload URL answered {(int)response.StatusCode}";
                    }
                    catch (HttpRequestException e)
                    {
                        return $"reload URL failed: {e.Message}";
                    }
                }

            default:
                throw new ProfileException($"Unknown reload kind {spec.Kind}.");
        }
    }

    private static async Task<string?> RunAsync(string command, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? null : $"'{command}' exited {process.ExitCode}: {(await stderr + await stdout).Trim()}";
    }
}
