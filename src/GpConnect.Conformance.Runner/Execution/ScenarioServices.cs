using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Builds the run's service provider: the caller's run-level services, plus every binding class and every
/// "context object" (concrete class a binding constructor asks for, recursively) as scoped services, so each
/// scenario scope creates them once and shares them between its binding classes.
/// </summary>
internal static class ScenarioServices
{
    public static ServiceProvider Build(BindingRegistry bindings, Action<IServiceCollection>? configureRunServices)
    {
        var services = new ServiceCollection();
        configureRunServices?.Invoke(services);

        services.TryAddScoped<ScenarioContextHolder>();
        services.TryAddScoped(provider => provider.GetRequiredService<ScenarioContextHolder>().Context
            ?? throw new InvalidOperationException("ScenarioContext is only available inside a running scenario."));

        var seen = new HashSet<Type>();
        foreach (var type in bindings.BindingTypes.Where(t => !(t.IsAbstract && t.IsSealed)))
            AddScoped(services, type, seen);

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static void AddScoped(IServiceCollection services, Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type)) return;
        if (!services.Any(d => d.ServiceType == type)) services.AddScoped(type);
        foreach (var constructor in type.GetConstructors())
            foreach (var parameter in constructor.GetParameters())
            {
                var dependency = parameter.ParameterType;
                if (IsContextObject(dependency) && !services.Any(d => d.ServiceType == dependency))
                    AddScoped(services, dependency, seen);
            }
    }

    /// <summary>A plain concrete class the container can build; interfaces, primitives and strings must come from the caller.</summary>
    private static bool IsContextObject(Type type) =>
        type.IsClass && !type.IsAbstract && !type.IsGenericTypeDefinition && !type.ContainsGenericParameters &&
        type != typeof(string) && !typeof(Delegate).IsAssignableFrom(type) && !type.IsArray &&
        type != typeof(ScenarioContext) && type.GetConstructors().Length > 0;
}

/// <summary>Holds the scenario's <see cref="ScenarioContext"/> inside its service scope.</summary>
internal sealed class ScenarioContextHolder
{
    public ScenarioContext? Context { get; set; }
}
