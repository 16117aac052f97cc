namespace GenPro.Sdk.Serialization;

/// <summary>
/// A response body that wraps its result in one named property, such as <c>{"agent": {…}}</c>: the runner reads the
/// envelope, returns <see cref="Wrapped"/>, and names <see cref="PropertyName"/> when the server left it out.
/// </summary>
/// <typeparam name="T">The wrapped model.</typeparam>
internal interface IEnvelope<out T>
    where T : class
{
    /// <summary>The JSON name of the wrapping property, as the error message quotes it.</summary>
    static abstract string PropertyName { get; }

    /// <summary>The wrapped value; null when the body had no such property.</summary>
    T? Wrapped { get; }
}
