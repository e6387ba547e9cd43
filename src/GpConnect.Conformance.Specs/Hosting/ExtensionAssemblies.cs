using System.Reflection;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Specs.Hosting;

/// <summary>Loads the supplier's binding assemblies named by <c>extensions:bindingAssemblies</c> (full paths, already checked to exist).</summary>
public static class ExtensionAssemblies
{
    /// <exception cref="ConfigurationException">A file is not a loadable .NET assembly.</exception>
    public static IReadOnlyList<Assembly> Load(ConformanceSettings settings)
    {
        var assemblies = new List<Assembly>();
        for (var i = 0; i < settings.Extensions.BindingAssemblies.Count; i++)
        {
            var path = settings.Extensions.BindingAssemblies[i];
            try
            {
                assemblies.Add(Assembly.LoadFrom(path));
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
            {
                throw new ConfigurationException([new ConfigurationProblem($"extensions:bindingAssemblies:{i}", settings.SourceFile,
                    $"extensions:bindingAssemblies:{i} ({path}) cannot be loaded as a .NET assembly: {e.Message}")]);
            }
        }
        return assemblies;
    }
}
