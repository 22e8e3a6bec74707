using System.Text;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Testing.Engine;

/// <summary>
/// A config file held in memory, for driving the reload engine without a file system. Besides content it
/// can be missing, replaced by a directory or unreadable, and its stamp changes on every write or touch,
/// so every condition <see cref="ConfigFileRead"/> names can be produced on demand.
/// </summary>
internal sealed class InMemoryConfigFile : IConfigFileSource
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private FileState _state = FileState.Missing;
    private byte[]? _content;
    private string _unreadableReason = "";
    private DateTime _lastWriteUtc;

    /// <param name="time">The clock the write stamps come from; the engine rig passes its fake clock.</param>
    public InMemoryConfigFile(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    private enum FileState
    {
        Missing,
        Content,
        Directory,
        Unreadable,
    }

    public string Path => "/memory/proxy.json";

    /// <summary>How many times the engine has read the file.</summary>
    public int Reads { get; set; }

    /// <summary>Runs after the engine has taken the bytes of a read: lets a test change the file mid-read.</summary>
    public Action? OnRead { get; set; }

    /// <summary>The bytes the file holds, or null when it is missing, a directory or unreadable.</summary>
    public byte[]? Content
    {
        get
        {
            lock (_gate)
            {
                return _state == FileState.Content ? _content : null;
            }
        }
    }

    public void Write(string content) => Write(Encoding.UTF8.GetBytes(content ?? throw new ArgumentNullException(nameof(content))));

    public void Write(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            _state = FileState.Content;
            _content = [.. content];
            AdvanceStamp();
        }
    }

    public void Delete() => SetState(FileState.Missing);

    /// <summary>The path now names a directory (a misdirected volume mount, say).</summary>
    public void ReplaceWithDirectory() => SetState(FileState.Directory);

    /// <summary>Reads now fail the way an I/O error or a permission change makes them fail.</summary>
    public void MakeUnreadable(string reason = "I/O error (simulated).")
    {
        lock (_gate)
        {
            _unreadableReason = reason;
            SetState(FileState.Unreadable);
        }
    }

    /// <summary>Same bytes (or the same missing or broken state), new modification time: what <c>touch</c> does to an existing file.</summary>
    public void Touch()
    {
        lock (_gate)
        {
            AdvanceStamp();
        }
    }

    public ConfigFileRead Read(long maxBytes)
    {
        ConfigFileRead read;
        lock (_gate)
        {
            Reads++;
            read = _state switch
            {
                FileState.Missing => new ConfigFileRead.Missing(),
                FileState.Directory => new ConfigFileRead.IsDirectory(),
                FileState.Unreadable => new ConfigFileRead.Unreadable(_unreadableReason),
                _ when _content!.Length > maxBytes => new ConfigFileRead.TooLarge(_content.Length),
                _ => new ConfigFileRead.Content([.. _content]),
            };
        }

        OnRead?.Invoke();
        return read;
    }

    public ConfigFileStamp Stamp()
    {
        lock (_gate)
        {
            return new ConfigFileStamp(Path, _state != FileState.Missing, _state == FileState.Directory,
                _state == FileState.Content ? _content!.Length : 0, _state == FileState.Missing ? default : _lastWriteUtc);
        }
    }

    private void SetState(FileState state)
    {
        lock (_gate)
        {
            _state = state;
            _content = null;
            AdvanceStamp();
        }
    }

    private void AdvanceStamp()
    {
        // A touch must always give a newer stamp, even when the fake clock has not moved since the last one.
        var now = _time.GetUtcNow().UtcDateTime;
        _lastWriteUtc = now > _lastWriteUtc ? now : _lastWriteUtc.AddTicks(1);
    }
}
