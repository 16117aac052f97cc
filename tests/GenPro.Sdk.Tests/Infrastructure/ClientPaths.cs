using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>
/// The two ways a user gets a client: <c>new GenProClient(...)</c> and <c>AddGenProClient</c>. Behavioural tests are
/// theories over <see cref="Both"/> and make their client with <see cref="Create"/>, so both paths meet the same
/// assertions.
/// </summary>
public static class ClientPaths
{
    public const string Constructed = "constructed";
    public const string DependencyInjection = "DI";

    /// <summary>For <c>[MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]</c>.</summary>
    public static TheoryData<string> Both => new() { Constructed, DependencyInjection };

    /// <summary>Each of <paramref name="values"/> on each path: <c>(path, value)</c> rows.</summary>
    public static TheoryData<string, T> Cross<T>(params T[] values)
    {
        var rows = new TheoryData<string, T>();
        foreach (var path in new[] { Constructed, DependencyInjection })
        {
            foreach (var value in values)
            {
                rows.Add(path, value);
            }
        }

        return rows;
    }

    /// <summary>Each pair of <paramref name="values"/> on each path: <c>(path, first, second)</c> rows.</summary>
    public static TheoryData<string, T1, T2> Cross<T1, T2>(params (T1, T2)[] values)
    {
        var rows = new TheoryData<string, T1, T2>();
        foreach (var path in new[] { Constructed, DependencyInjection })
        {
            foreach (var (first, second) in values)
            {
                rows.Add(path, first, second);
            }
        }

        return rows;
    }

    /// <summary>
    /// A client made the <paramref name="path"/> way from the same settings. <paramref name="handler"/> is the
    /// caller's sending handler: the constructor's handler argument, or DI's <c>ConfigurePrimaryHttpMessageHandler</c>.
    /// </summary>
    public static TestClient Create(
        string path,
        GenProClientOptions options,
        ILoggerFactory? logging = null,
        TimeProvider? time = null,
        HttpMessageHandler? handler = null) => path switch
        {
            Constructed => new TestClient(new GenProClient(options, handler, logging, time ?? TimeProvider.System), null),
            DependencyInjection => FromServices(options, logging, time, handler),
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Unknown construction path."),
        };

    /// <summary>Copies every setting of <paramref name="source"/> (whatever settings exist) into <paramref name="target"/>.</summary>
    public static void ApplyFrom(this GenProClientOptions target, GenProClientOptions source)
    {
        foreach (var property in typeof(GenProClientOptions).GetProperties().Where(p => p.CanRead && p.CanWrite))
        {
            property.SetValue(target, property.GetValue(source));
        }
    }

    private static TestClient FromServices(GenProClientOptions options, ILoggerFactory? logging, TimeProvider? time, HttpMessageHandler? handler)
    {
        var services = new ServiceCollection();
        if (logging is not null)
        {
            services.AddSingleton(logging);
        }

        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var builder = services.AddGenProClient(o => o.ApplyFrom(options));
        if (handler is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new TestClient(provider.GetRequiredService<IGenProClient>(), provider);
    }
}

/// <summary>A client under test and what it was built with; disposing it disposes both.</summary>
public sealed class TestClient(IGenProClient client, ServiceProvider? services) : IGenProClient, IDisposable
{
    public IGenProClient Inner { get; } = client;

    public IAgentsClient Agents => Inner.Agents;

    public IAvatarsClient Avatars => Inner.Avatars;

    public void Dispose()
    {
        if (services is null)
        {
            ((IDisposable)Inner).Dispose();
        }
        else
        {
            services.Dispose();
        }
    }
}
