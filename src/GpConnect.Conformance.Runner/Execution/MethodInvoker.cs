using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GpConnect.Conformance.Runner;

/// <summary>Calls a binding method and awaits it when it returns a Task or ValueTask, without wrapping its exceptions.</summary>
internal static class MethodInvoker
{
    public static async Task InvokeAsync(MethodInfo method, object? target, object?[] arguments)
    {
        var returned = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, CultureInfo.InvariantCulture);
        switch (returned)
        {
            case null:
                return;
            case Task task:
                await task.ConfigureAwait(false);
                return;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return;
        }
        var type = returned.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
            await asTask.ConfigureAwait(false);
        }
    }

    /// <summary>Resolves hook parameters: the cancellation token, else a service.</summary>
    public static object?[] ResolveParameters(MethodInfo method, IServiceProvider services, CancellationToken cancellationToken) =>
        method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken)
            ? cancellationToken
            : services.GetService(p.ParameterType) ?? throw new InvalidOperationException(
                $"{method.DeclaringType?.Name}.{method.Name} asks for a {p.ParameterType.Name} ('{p.Name}'), which is not registered as a service.")).ToArray();
}
