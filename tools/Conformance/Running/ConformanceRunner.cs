using System.Diagnostics;
using System.Net;
using HotReload.Conformance.Checking;
using HotReload.Conformance.Probing;
using HotReload.Conformance.Profiles;
using HotReload.Conformance.Scenarios;
using HotReload.Conformance.Targets;
using HotReload.Testing.Files;
using HotReload.Testing.Upstreams;

namespace HotReload.Conformance.Running;

/// <summary>Runs the selected scenarios against one target, each from a fresh proxy with its own directory and ports.</summary>
public static class ConformanceRunner
{
    private static readonly TimeSpan FirstVersionTimeout = TimeSpan.FromSeconds(30);

    public static async Task<RunResult> RunAsync(TargetProfile profile, ITargetLauncher launcher, RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(options);
        var scenarios = ScenarioCatalog.Select(options.Scenarios);
        var clients = options.Clients ?? (options.Quick ? 4 : 8);
        var template = ProfileLoader.ReadTemplate(profile);
        var startedAt = DateTimeOffset.UtcNow;
        await using var upstream = await UpstreamServer.StartAsync("conformance", cancellationToken);
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            options.Progress?.Write($"{profile.Name} {scenario.RequirementId} {scenario.Key} ... ");
            ScenarioResult result;
            try
            {
                result = await RunScenarioAsync(profile, launcher, template, scenario, upstream, clients, options.Quick, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One scenario that cannot run (a port taken, an edit the layout refuses) must not hide the others' results.
                result = ErrorResult(scenario, $"the scenario could not run: {e.GetType().Name}: {e.Message}", Stopwatch.GetTimestamp());
            }

            results.Add(result);
            options.Progress?.WriteLine(result.Outcome == ScenarioOutcome.Passed
                ? $"ok ({result.Requests} requests)"
                : $"{result.Outcome}: {string.Join(", ", result.Counts.Select(c => $"{c.Value} {c.Key}"))}");
        }

        return new RunResult
        {
            Target = profile.Name,
            Description = profile.Description,
            StartedAt = startedAt,
            Machine = MachineDescription(),
            Quick = options.Quick,
            Clients = clients,
            Scenarios = results,
        };
    }

    private static async Task<ScenarioResult> RunScenarioAsync(TargetProfile profile, ITargetLauncher launcher, string template, Scenario scenario,
        UpstreamServer upstream, int clients, bool quick, CancellationToken cancellationToken)
    {
        var began = Stopwatch.GetTimestamp();
        using var temp = new TempDirectory($"conformance-{scenario.Key}-");
        var configDirectory = Path.Combine(temp.Path, "conf");
        var configPath = Path.Combine(configDirectory, profile.Config.FileName);
        var listenPort = FreePort.Next();
        var adminPort = FreePort.Next();
        var values = Placeholders.Values(
            ("upstreamPort", upstream.Address.Port),
            ("upstream", upstream.Address.ToString().TrimEnd('/')),
            ("listenPort", listenPort),
            ("adminPort", adminPort),
            ("workDir", temp.Path),
            ("configDir", configDirectory),
            ("configPath", configPath),
            ("profileDir", profile.ProfileDirectory));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var baseAddress = new Uri($"http://127.0.0.1:{listenPort}");
        var firstContent = RenderInitial(template, values, scenario.StartsWithDrainRoute);
        if (scenario.Layout == ConfigLayout.PlainFile)
        {
            Directory.CreateDirectory(configDirectory);
        }

        var editor = scenario.Layout == ConfigLayout.ConfigMap
            ? ConfigFileEditor.CreateConfigMap(configDirectory, profile.Config.FileName, firstContent)
            : ConfigFileEditor.For(configPath, firstContent);

        IRunningTarget target;
        try
        {
            target = await launcher.StartAsync(new TargetStart(configPath, temp.Path, listenPort, adminPort, values), cancellationToken);
        }
        catch (ProfileException e)
        {
            return ErrorResult(scenario, e.Message, began);
        }

        await using (target)
        {
            var probeUrl = new Uri(baseAddress, profile.Requests.Path);
            if (await WaitForFirstVersionAsync(http, profile, probeUrl, cancellationToken) is { } problem)
            {
                return ErrorResult(scenario, $"{problem}\nproxy output:\n{target.OutputTail()}", began);
            }

            var trigger = new ReloadTrigger(profile.Reload, values, target, http);
            var acknowledgements = profile.Acknowledge is { } ack ? new Acknowledgements(ack, values, http) : null;
            await using var recorder = new ProbeRecorder(probeUrl, clients, profile.VersionHeader);
            var loadStart = Clock.Now();
            var context = new ScenarioContext(profile, template, values, editor, trigger, acknowledgements, recorder, baseAddress, clients, cancellationToken)
            {
                DrainRoute = scenario.StartsWithDrainRoute,
            };
            await recorder.WaitForRequestsAsync(clients * 4, TimeSpan.FromSeconds(10), cancellationToken);
            await scenario.RunAsync(context, quick);

            // Quiet: the last valid version is served (or never will be); from here on only it may be.
            await context.AwaitServedAsync(context.CurrentVersion, Clock.Now());
            var quietSince = Clock.Now();
            await recorder.WaitForRequestsAsync(clients * 4, TimeSpan.FromSeconds(10), cancellationToken);
            var history = await recorder.StopAsync();
            return ScenarioChecker.Check(scenario, context, history, loadStart, quietSince, Clock.Milliseconds(Stopwatch.GetTimestamp() - began));
        }
    }

    private static string RenderInitial(string template, IReadOnlyDictionary<string, string> values, bool drainRoute) =>
        Placeholders.Render(template, new Dictionary<string, string>(values) { ["version"] = "1" }, new Dictionary<string, bool> { ["drainRoute"] = drainRoute });

    /// <summary>Polls until the proxy serves version 1 on both legs; a message saying what it answered instead, or null.</summary>
    private static async Task<string?> WaitForFirstVersionAsync(HttpClient http, TargetProfile profile, Uri probeUrl, CancellationToken cancellationToken)
    {
        var deadline = Clock.Now() + Clock.Ticks(TimeSpan.FromSeconds(profile.Start?.ReadyTimeoutSeconds ?? FirstVersionTimeout.TotalSeconds));
        var last = "no answer";
        while (Clock.Now() < deadline)
        {
            try
            {
                using var response = await http.GetAsync(probeUrl, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var header = response.Headers.TryGetValues(profile.VersionHeader, out var v) ? string.Join(",", v) : null;
                string? echoed = null;
                if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "application/json")
                {
                    echoed = EchoResponse.Parse(body).Header(profile.VersionHeader);
                }

                if (header == "1" && echoed == "1")
                {
                    return null;
                }

                last = $"status {(int)response.StatusCode}, {profile.VersionHeader} response header '{header ?? "(none)"}', forwarded header echoed '{echoed ?? "(none)"}'";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                last = e.Message;
            }

            await Task.Delay(50, cancellationToken);
        }

        return $"{probeUrl} never served version 1 on both legs (last: {last}). The config template must set the {profile.VersionHeader} " +
            "response header and forward it as a request header, both to {{version}}.";
    }

    private static ScenarioResult ErrorResult(Scenario scenario, string message, long began) => new()
    {
        Key = scenario.Key,
        RequirementId = scenario.RequirementId,
        Title = scenario.Title,
        Outcome = ScenarioOutcome.Error,
        Notes = [message],
        DurationMs = Math.Round(Clock.Milliseconds(Stopwatch.GetTimestamp() - began)),
    };

    private static string MachineDescription()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }

        return $"{Environment.ProcessorCount} cores, {cpu}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
