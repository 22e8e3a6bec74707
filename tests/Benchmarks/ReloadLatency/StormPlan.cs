namespace HotReload.Benchmarks.ReloadLatency;

/// <summary>
/// The write sequence, the same for every target: reload i writes version "v{i}"; before every 5th a broken
/// file is put in place, before every 7th the file is deleted (both, in that order, before the 35th).
/// </summary>
/// <param name="WarmUp">Load before anything is measured: JIT and connection setup would otherwise count against whichever target runs first.</param>
internal sealed record StormPlan(int Clients, int Reloads, TimeSpan WarmUp, TimeSpan SteadyPhase, TimeSpan GapBetweenReloads)
{
    public static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(10);

    public static string Version(int reload) => "v" + reload.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool BrokenBefore(int reload) => reload % 5 == 0;

    public static bool DeletedBefore(int reload) => reload % 7 == 0;
}
