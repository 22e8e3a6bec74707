using FsCheck;
using FsCheck.Fluent;
using HotReloadProxy.Configuration;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Property.Tests.Generators;

/// <summary>Inputs for the parser robustness properties: noise, JSON-shaped noise, and damaged valid configs.</summary>
internal static class ByteGenerators
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\"routes\"", "\"clusters\"", "\"id\"", "\"match\"", "\"path\"", "\"/a/{id}\"", "\"server\"",
        "null", "true", "1", "-0.5e3", "99999999999999999999", "\"\\u0000\"", "\"\\ud800\"", "//c\n", "/*", "*/", " ", "\n", "\r\n", "\t",
        "\uFEFF", "é", "\\", "\"respond\"", "{\"status\":", "[[[[[[[[",
    ];

    /// <summary>Uniform random bytes.</summary>
    public static Gen<byte[]> Noise => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b));

    /// <summary>Random sequences of JSON tokens and config words: gets past the first byte far more often than noise.</summary>
    public static Gen<byte[]> JsonShaped => Gen.ListOf(Gen.Elements(Tokens)).Select(parts => System.Text.Encoding.UTF8.GetBytes(string.Concat(parts)));

    public static Gen<ByteMutation> Mutation => Gen.OneOf(
        Gen.Choose(0, int.MaxValue).Select(p => (ByteMutation)new ByteMutation.Truncate(p)),
        Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 7)).Select(p => (ByteMutation)new ByteMutation.FlipBit(p.Item1, p.Item2)),
        Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Elements(ByteMutation.Interesting)).Select(p => (ByteMutation)new ByteMutation.Insert(p.Item1, p.Item2)),
        Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(1, 16)).Select(p => (ByteMutation)new ByteMutation.Delete(p.Item1, p.Item2)),
        Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(1, 32)).Select(p => (ByteMutation)new ByteMutation.Duplicate(p.Item1, p.Item2)));

    /// <summary>A generated valid config, written indented or compact, then damaged one to four times.</summary>
    public static Gen<DamagedConfig> Damaged =>
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from indented in Gen.Elements(true, false)
        from count in Gen.Choose(1, 4)
        from mutations in Gen.ListOf(Mutation, count)
        select new DamagedConfig(seed, indented, mutations);
}

/// <summary>A valid config's bytes after some mutations; prints as the recipe, so a failure can be rebuilt.</summary>
internal sealed record DamagedConfig(int Seed, bool Indented, IReadOnlyList<ByteMutation> Mutations)
{
    public byte[] Bytes => Mutations.Aggregate(ConfigJsonWriter.ToUtf8(ConfigFaker.Valid(Seed), Indented), (bytes, mutation) => mutation.Apply(bytes));

    public override string ToString() => $"config #{Seed} ({(Indented ? "indented" : "compact")}) with {string.Join(", ", Mutations)}";
}
