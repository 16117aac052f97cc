using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GenPro.Sdk.Tests.Security;

/// <summary>How a test builds its client: the two construction paths a user has.</summary>
public enum Construction
{
    Constructor,
    DependencyInjection,
}

/// <summary>
/// Everything a user, a log sink or a trace exporter sees of a client's calls: every log line at Trace (message and
/// structured state), every span the SDK starts under this witness's root span (name, tags, status), and, for an
/// exception, its ToString() and every public property down its inner chain. Tests assert on <see cref="Everything"/>.
/// </summary>
public sealed class Witness : IDisposable
{
    private static readonly ActivitySource TestSource = new("GenPro.Sdk.Tests.Witness");

    private readonly FakeLoggerProvider _logs = new();
    private readonly ActivityListener _listener;
    private readonly List<Activity> _spans = [];
    private readonly Activity _root;
    private ServiceProvider? _services;

    public Witness()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "GenPro.Sdk" or "GenPro.Sdk.Tests.Witness",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.Source.Name == "GenPro.Sdk" && a.TraceId == _root?.TraceId)
                {
                    lock (_spans)
                    {
                        _spans.Add(a);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);

        // The SDK's spans are children of this one (Activity.Current flows into the test's calls), which keeps tests
        // running in parallel out of each other's span lists.
        _root = TestSource.StartActivity("witness")!;
    }

    public IReadOnlyList<FakeLogRecord> Logs => _logs.Collector.GetSnapshot();

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>A client that logs here, built the way <paramref name="construction"/> says.</summary>
    public IGenProClient Client(GenProClientOptions options, Construction construction = Construction.Constructor)
    {
        if (construction == Construction.Constructor)
        {
            var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
            return new GenProClient(options, handler: null, factory);
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddGenProClient(o =>
        {
            o.ApiKey = options.ApiKey;
            o.BaseAddress = options.BaseAddress;
            o.Timeout = options.Timeout;
            o.MaxResponseBodySize = options.MaxResponseBodySize;
            o.Retry = options.Retry;
        });
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IGenProClient>();
    }

    /// <summary>All the text a secret could leak into: logs, spans and, when given, the exception.</summary>
    public string Everything(Exception? e = null)
    {
        var text = new System.Text.StringBuilder();
        foreach (var log in Logs)
        {
            text.Append("log ").Append(log.Level).Append(' ').Append(log.Message).Append(" | ")
                .AppendJoin(", ", log.StructuredState ?? []).Append(" | ").Append(log.Exception).AppendLine();
        }

        foreach (var span in Spans)
        {
            text.Append("span ").Append(span.OperationName).Append(' ').Append(span.DisplayName).Append(' ')
                .Append(span.Status).Append(' ').Append(span.StatusDescription).Append(" | ")
                .AppendJoin(", ", span.TagObjects.Select(t => $"{t.Key}={t.Value}")).AppendLine();
        }

        if (e is not null)
        {
            text.AppendLine(Describe(e));
        }

        return text.ToString();
    }

    /// <summary>ToString() and every public property of <paramref name="e"/> and of each inner exception.</summary>
    public static string Describe(Exception e)
    {
        var text = new System.Text.StringBuilder(e.ToString()).AppendLine();
        for (var link = e; link is not null; link = link.InnerException)
        {
            foreach (var property in link.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0 && property.Name is not ("TargetSite" or "InnerException"))
                {
                    text.Append(property.Name).Append('=').Append(property.GetValue(link)).AppendLine();
                }
            }

            foreach (System.Collections.DictionaryEntry entry in link.Data)
            {
                text.Append("Data ").Append(entry.Key).Append('=').Append(entry.Value).AppendLine();
            }
        }

        return text.ToString();
    }

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
        _services?.Dispose();
        _logs.Dispose();
    }
}
