using GenPro.Sdk.Internal;
using Microsoft.Extensions.Options;

namespace GenPro.Sdk.DependencyInjection;

/// <summary>
/// Reports at start-up (<c>ValidateOnStart</c>) the same rules the constructors enforce, from the same place
/// (<see cref="OptionsRules"/>), each naming its setting and, for a named client, the client.
/// </summary>
internal sealed class GenProClientOptionsValidator : IValidateOptions<GenProClientOptions>
{
    public ValidateOptionsResult Validate(string? name, GenProClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? string.Empty : $"GenPro client \"{name}\": ";
        var failures = OptionsRules.Failures(options).Select(failure => prefix + failure).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
