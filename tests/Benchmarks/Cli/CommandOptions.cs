using System.Globalization;

namespace HotReload.Benchmarks.Cli;

/// <summary>"--name value" and "--flag" options of the load commands; each command reads the ones it knows.</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string?> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CommandOptions(Dictionary<string, string?> values)
    {
        _values = values;
    }

    public bool Quick => Flag("quick");

    public static CommandOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"Unexpected argument '{args[i]}'; options look like --clients 16.");
            }

            var name = args[i][2..];
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[name] = hasValue ? args[++i] : null;
        }

        return new CommandOptions(values);
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _values.ContainsKey(name);
    }

    public int Int(string name, int fallback)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new CommandLineException($"--{name} expects a positive whole number, but got '{text}'.");
    }

    public string Choice(string name, string fallback, params string[] allowed)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return text is not null && allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new CommandLineException($"--{name} must be one of {string.Join(", ", allowed)}, but got '{text}'.");
    }

    /// <summary>A comma-separated list, each item one of <paramref name="allowed"/>.</summary>
    public IReadOnlyList<string> List(string name, string fallback, params string[] allowed)
    {
        _read.Add(name);
        var text = _values.TryGetValue(name, out var given) ? given ?? "" : fallback;
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var wrong = items.FirstOrDefault(item => !allowed.Contains(item, StringComparer.Ordinal));
        return items.Length > 0 && wrong is null
            ? items.Distinct(StringComparer.Ordinal).ToList()
            : throw new CommandLineException($"--{name} takes a comma-separated list of {string.Join(", ", allowed)}, but got '{text}'.");
    }

    /// <summary>Call after reading every option: a misspelt option must fail, not silently run the default.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandLineException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}

internal sealed class CommandLineException : Exception
{
    public CommandLineException()
    {
    }

    public CommandLineException(string message)
        : base(message)
    {
    }

    public CommandLineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
