namespace HotReloadProxy.Configuration.Parsing;

/// <summary>Something whose JSON path is built on first use (a route being validated), so paths below it can wait too.</summary>
internal interface IJsonPathOwner
{
    JsonPath Path { get; }
}

/// <summary>
/// The JSON path of a value not built yet: a parent (or an owner whose path is not built yet either) and the names
/// or item index below it. Validation hands one to every check and spells it out only for an error, so checking a
/// valid config allocates no paths.
/// </summary>
internal readonly struct PathRef
{
    private readonly JsonPath? _parent;
    private readonly IJsonPathOwner? _owner;
    private readonly string? _block;
    private readonly string? _name;
    private readonly int _index;

    private PathRef(JsonPath? parent, IJsonPathOwner? owner, string? block, string? name, int index)
    {
        _parent = parent;
        _owner = owner;
        _block = block;
        _name = name;
        _index = index;
    }

    public static implicit operator PathRef(JsonPath path) => new(path, null, null, null, -1);

    public static PathRef Property(JsonPath parent, string name) => new(parent, null, null, name, -1);

    public static PathRef Item(JsonPath parent, int index) => new(parent, null, null, null, index);

    /// <summary><c>owner.name</c>, such as <c>routes[3].id</c>.</summary>
    public static PathRef Under(IJsonPathOwner owner, string name) => new(null, owner, null, name, -1);

    /// <summary><c>owner.block.name</c>, such as <c>routes[3].transforms.pathPrefix</c>.</summary>
    public static PathRef Under(IJsonPathOwner owner, string block, string name) => new(null, owner, block, name, -1);

    /// <summary>The path as an object, to be the parent of further paths.</summary>
    public JsonPath ToJsonPath()
    {
        var parent = _owner is null ? _parent! : _block is null ? _owner.Path : _owner.Path.Property(_block);
        return _name is not null ? parent.Property(_name) : _index >= 0 ? parent.Item(_index) : parent;
    }

    public override string ToString() => ToJsonPath().ToString();
}
