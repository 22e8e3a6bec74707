using HotReloadProxy.Hosting;
using HotReloadProxy.Text;

namespace HotReloadProxy.Cli;

/// <summary>What the command line said: option values by name, and the arguments that are not options.</summary>
internal sealed record ParsedCommandLine(IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Positionals);

/// <summary>
/// Strict parsing against a table of known options: an unknown option, a missing value or a repeated option
/// is an error that names it and lists the valid ones, like the config file's unknown properties.
/// </summary>
internal static class CommandLineParser
{
    public static ParsedCommandLine Parse(IReadOnlyList<string> args, IReadOnlyList<CommandLineOption> known)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(known);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-")
            {
                positionals.Add(arg);
                continue;
            }

            var (name, inlineValue) = Split(arg);
            var option = known.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ProxyOptionsException($"Unknown option '{arg}'.{Suggestion(name, known)} Valid options: {List(known)}.");
            string value;
            if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (option.IsFlag)
            {
                value = "true";
            }
            else if (i + 1 < args.Count && !LooksLikeOption(args[i + 1]))
            {
                value = args[++i];
            }
            else
            {
                throw new ProxyOptionsException($"Option --{option.Name} needs a value: write {option.Synopsis}.");
            }

            if (!options.TryAdd(option.Name, value))
            {
                throw new ProxyOptionsException($"Option --{option.Name} is given twice; give it once.");
            }
        }

        return new ParsedCommandLine(options, positionals);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var body = arg.TrimStart('-');
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (body, null) : (body[..equals], body[(equals + 1)..]);
    }

    // A value may itself start with '-' (a negative number); an option is '--' and a letter, or '-' and one letter.
    private static bool LooksLikeOption(string arg) =>
        (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && char.IsLetter(arg[2])) ||
        (arg.Length == 2 && arg[0] == '-' && char.IsLetter(arg[1]));

    private static string List(IReadOnlyList<CommandLineOption> known) =>
        string.Join(", ", known.Where(o => !o.Hidden).Select(o => "--" + o.Name));

    private static string Suggestion(string name, IReadOnlyList<CommandLineOption> known)
    {
        var best = known.Where(o => !o.Hidden)
            .Select(o => (o.Name, Distance: EditDistance.Between(name, o.Name)))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, name.Length / 3) ? $" Did you mean '--{best.Name}'?" : "";
    }
}
