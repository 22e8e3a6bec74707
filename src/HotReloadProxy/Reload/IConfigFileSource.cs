namespace HotReloadProxy.Reload;

/// <summary>File access for the reload engine: a seam so the engine runs in tests against an in-memory file.</summary>
internal interface IConfigFileSource
{
    string Path { get; }

    ConfigFileRead Read(long maxBytes);

    ConfigFileStamp Stamp();
}
