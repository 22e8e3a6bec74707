namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// The JSON path of a value not built yet: a parent and the property name or item index below it. Binding hands
/// one to every value it reads and spells it out only for an error or a recorded position, so binding a valid
/// file allocates a <see cref="JsonPath"/> only for the objects and lists whose children need a parent.
/// </summary>
internal readonly struct PathRef
{
    private readonly JsonPath _parent;
    private readonly string? _name;
    private readonly int _index;

    private PathRef(JsonPath parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    public static implicit operator PathRef(JsonPath path) => new(path, null, -1);

    public static PathRef Property(JsonPath parent, string name) => new(parent, name, -1);

    public static PathRef Item(JsonPath parent, int index) => new(parent, null, index);

    /// <summary>The path as an object, to be the parent of further paths.</summary>
    public JsonPath ToJsonPath() => _name is not null ? _parent.Property(_name) : _index >= 0 ? _parent.Item(_index) : _parent;

    public override string ToString() => ToJsonPath().ToString();
}
