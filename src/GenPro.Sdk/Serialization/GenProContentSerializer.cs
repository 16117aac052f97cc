using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenPro.Sdk.Agents;
using GenPro.Sdk.Operations;
using Refit;

namespace GenPro.Sdk.Serialization;

/// <summary>
/// Refit's content-serializer hook for the SDK: reads success bodies into the models with the source-generated metadata
/// (<see cref="ResponseTypes"/>, which checks each object's id and name as it is read) and writes the agent bodies
/// (<see cref="AgentBody.ToContent"/>: JSON through the context's converter, or the form built before the call).
/// <para>
/// Its own rather than Refit's <see cref="SystemTextJsonContentSerializer"/> because a body that is not the model must be
/// reported with the model's name as a user knows it ("could not be read as Agent": <see cref="UnreadableModelException"/>,
/// turned into the SDK's exception by <see cref="OperationRunner.UnreadableBodyAsync"/>), a body must be read from the
/// memory it was buffered in without a task per read, and a request body must not be wrapped in a second content.
/// </para>
/// </summary>
internal sealed class GenProContentSerializer : IHttpContentSerializer, ISynchronousContentSerializer
{
    /// <remarks>
    /// The runner's error factory buffered the body, bounded and within the deadline (<see cref="OperationRunner.ErrorOfAsync"/>),
    /// before Refit hands it here: it is read from memory, synchronously.
    /// </remarks>
    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        var bodyType = Metadata<T>.Type;
        try
        {
            using var body = content.ReadAsStream(cancellationToken);
            return Task.FromResult(JsonSerializer.Deserialize(body, bodyType));
        }
        catch (JsonException e)
        {
            return Task.FromException<T?>(new UnreadableModelException(bodyType, e));
        }
    }

    public HttpContent ToHttpContent<T>(T item) => Write(item);

    public HttpContent ToHttpContentSynchronous<T>(T item) => Write(item);

    public HttpContent ToStreamingHttpContent<T>(T item) => Write(item);

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => null;

    private static HttpContent Write<T>(T item) =>
        item is AgentBody body
            ? body.ToContent()
            : throw new NotSupportedException($"GenPro.Sdk writes only agent bodies, not {typeof(T).Name}.");

    /// <summary>A body that is not the model it should be: carries the model to Refit's deserialization-exception factory.</summary>
    internal sealed class UnreadableModelException(JsonTypeInfo bodyType, JsonException inner) : Exception(inner.Message, inner)
    {
        public JsonTypeInfo BodyType { get; } = bodyType;
    }

    /// <summary>The metadata of <typeparamref name="T"/>, looked up once per type rather than per response.</summary>
    private static class Metadata<T>
    {
        public static readonly JsonTypeInfo<T?> Type = ResponseTypes.Get<T?>();
    }
}
