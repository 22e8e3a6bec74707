namespace HotReload.Testing; internal static class AssemblyMarker;
