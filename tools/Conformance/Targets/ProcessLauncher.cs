using System.Diagnostics;
using System.Text;
using HotReload.Conformance.Profiles;

namespace HotReload.Conformance.Targets;

/// <summary>Starts the proxy as a real OS process as the profile's <see cref="StartSpec"/> says.</summary>
public sealed class ProcessLauncher(TargetProfile profile) : ITargetLauncher
{
    public Task<IRunningTarget> StartAsync(TargetStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var spec = profile.Start ?? throw new ProfileException($"Profile '{profile.Name}' has no \"start\" section: the runner cannot start it.");
        var info = new ProcessStartInfo(Placeholders.Render(spec.Command, start.Values))
        {
            WorkingDirectory = spec.WorkingDir is { } dir ? Path.GetFullPath(Placeholders.Render(dir, start.Values), profile.ProfileDirectory) : start.WorkDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in spec.Args)
        {
            info.ArgumentList.Add(Placeholders.Render(arg, start.Values));
        }

        foreach (var (name, value) in spec.Env)
        {
            info.Environment[name] = Placeholders.Render(value, start.Values);
        }

        var process = new Process { StartInfo = info };
        var output = new RunningProcess(process);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ProfileException($"Profile '{profile.Name}': cannot start '{info.FileName}': {e.Message}. Is it installed (eng/install-proxies.sh)?", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return Task.FromResult<IRunningTarget>(output);
    }

    private sealed class RunningProcess : IRunningTarget
    {
        private const int TailLines = 40;
        private readonly Process _process;
        private readonly Queue<string> _tail = new();
        private readonly Lock _gate = new();

        public RunningProcess(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
        }

        public int? ProcessId => _process.Id;

        public string OutputTail()
        {
            lock (_gate)
            {
                var text = new StringBuilder();
                foreach (var line in _tail)
                {
                    text.AppendLine(line);
                }

                return _process.HasExited ? $"(exited with {_process.ExitCode})\n{text}" : text.ToString();
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    // The whole tree: nginx and HAProxy workers, `dotnet run` children.
                    _process.Kill(entireProcessTree: true);
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (InvalidOperationException)
            {
                // Never started or already reaped.
            }
            finally
            {
                _process.Dispose();
            }
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                _tail.Enqueue(line);
                while (_tail.Count > TailLines)
                {
                    _tail.Dequeue();
                }
            }
        }
    }
}
