using System.Reflection;

namespace HotReload.Traceability.Discovery;

/// <summary>
/// Finds the xunit test methods of built test assemblies and the requirement ids they name. The
/// assemblies are read as metadata only (<see cref="MetadataLoadContext"/>): no test code runs, and
/// their dependencies need not match the tool's own.
/// </summary>
public static class TestAssemblyScanner
{
    private const string FactAttribute = "Xunit.FactAttribute";
    private const string RequirementAttribute = "HotReload.TestSupport.RequirementAttribute";

    public static IReadOnlyList<TestMethod> Scan(IEnumerable<string> assemblyPaths)
    {
        ArgumentNullException.ThrowIfNull(assemblyPaths);
        return assemblyPaths.SelectMany(ScanOne).ToList();
    }

    public static IReadOnlyList<TestMethod> ScanOne(string assemblyPath)
    {
        var fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"test assembly {assemblyPath} not found; build the solution first (dotnet build HotReload.sln)", fullPath);
        }

        using var context = new MetadataLoadContext(new PathAssemblyResolver(ReferencePaths.For(fullPath)));
        var assembly = context.LoadFromAssemblyPath(fullPath);
        var assemblyName = assembly.GetName().Name ?? Path.GetFileNameWithoutExtension(fullPath);
        var tests = new List<TestMethod>();
        foreach (var type in LoadableTypes(assembly))
        {
            // xunit runs the tests of concrete classes only, inherited test methods included.
            if (!type.IsClass || type.IsAbstract || type.IsGenericTypeDefinition)
            {
                continue;
            }

            List<string>? classIds = null;
            const BindingFlags methods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
            foreach (var method in type.GetMethods(methods).Where(IsTest).OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                classIds ??= ClassRequirementIds(type);
                var ids = classIds.Concat(RequirementIds(method.GetCustomAttributesData()))
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .ToArray();
                tests.Add(new TestMethod(assemblyName, type.Namespace ?? "", ClassName(type), method.Name, ids));
            }
        }

        return tests;
    }

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var causes = e.LoaderExceptions.Where(x => x is not null).Select(x => x!.Message).Distinct();
            throw new InvalidOperationException($"cannot read the types of {assembly.GetName().Name}: {string.Join("; ", causes)}", e);
        }
    }

    private static bool IsTest(MethodInfo method) =>
        method.GetCustomAttributesData().Any(a => DerivesFrom(a.AttributeType, FactAttribute));

    // Matching by name keeps custom Fact subclasses (FsCheck's PropertyAttribute, a project's own)
    // counted without the tool referencing xunit or FsCheck.
    private static bool DerivesFrom(Type? type, string fullName)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.FullName == fullName)
            {
                return true;
            }
        }

        return false;
    }

    // A class's Requirement applies to every test in it; a base class's to those it passes on.
    private static List<string> ClassRequirementIds(Type type)
    {
        var ids = new List<string>();
        for (var t = type; t is not null && t.FullName != "System.Object"; t = t.BaseType)
        {
            ids.AddRange(RequirementIds(t.GetCustomAttributesData()));
        }

        return ids;
    }

    private static IEnumerable<string> RequirementIds(IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var attribute in attributes.Where(a => a.AttributeType.FullName == RequirementAttribute))
        {
            foreach (var argument in attribute.ConstructorArguments)
            {
                switch (argument.Value)
                {
                    case string id:
                        yield return id;
                        break;
                    case IEnumerable<CustomAttributeTypedArgument> ids:
                        foreach (var id in ids.Select(i => i.Value).OfType<string>())
                        {
                            yield return id;
                        }

                        break;
                }
            }
        }
    }

    // Nested classes read Outer.Inner, as in the TRX class names once '+' is normalized.
    private static string ClassName(Type type) =>
        type.DeclaringType is null ? type.Name : ClassName(type.DeclaringType) + "." + type.Name;
}
