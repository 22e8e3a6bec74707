using System.Globalization;
using System.Text;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// A JSON path as a chain of parent links, spelt out (as <see cref="JsonPaths"/> spells it) only when an error
/// or the source map needs the text: binding a valid file builds no path strings at all.
/// </summary>
internal sealed class JsonPath
{
    private readonly JsonPath? _parent;
    private readonly string? _name;
    private readonly int _index;

    private JsonPath(JsonPath? parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    /// <summary>The whole document, <c>$</c>; its properties are written without a prefix (<c>routes</c>).</summary>
    public static JsonPath Root { get; } = new(null, null, -1);

    private static JsonPath Routes { get; } = Root.Property("routes");

    private static JsonPath Clusters { get; } = Root.Property("clusters");

    /// <summary><c>routes[i]</c>.</summary>
    public static JsonPath Route(int index) => Routes.Item(index);

    /// <summary><c>clusters.name</c>.</summary>
    public static JsonPath Cluster(string name) => Clusters.Property(name);

    public JsonPath Property(string name) => new(this, name, -1);

    public JsonPath Item(int index) => new(this, null, index);

    /// <summary>A property's path without building it (see <see cref="PathRef"/>).</summary>
    public PathRef Field(string name) => PathRef.Property(this, name);

    /// <summary>An item's path without building it (see <see cref="PathRef"/>).</summary>
    public PathRef At(int index) => PathRef.Item(this, index);

    public override string ToString()
    {
        if (_parent is null)
        {
            return "$";
        }

        var text = new StringBuilder();
        Append(text);
        return text.ToString();
    }

    private void Append(StringBuilder text)
    {
        if (_parent is null)
        {
            text.Append('$');
            return;
        }

        if (_name is not null && _parent._parent is null)
        {
            text.Append(_name);
            return;
        }

        _parent.Append(text);
        if (_name is not null)
        {
            text.Append('.').Append(_name);
        }
        else
        {
            text.Append('[').Append(_index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
    }
}
