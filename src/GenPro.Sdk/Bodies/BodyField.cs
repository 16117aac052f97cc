namespace GenPro.Sdk.Bodies;

/// <summary>
/// One field of a request body: its name, its value and where it sits (<see cref="BodyPlace"/>; null at the top).
/// Written as JSON by <see cref="JsonBody"/> and as a form by <see cref="FormBuilder"/>, so a body is described once
/// whatever it travels as.
/// </summary>
/// <param name="Name">The field's own name: <c>name</c>, <c>degod_avatar_id</c>.</param>
/// <param name="Value">A <see cref="string"/>, <see cref="long"/>, <see cref="bool"/> or image (forms only).</param>
/// <param name="Place">The object the field sits in; null for a top-level field.</param>
internal readonly record struct BodyField(string Name, object Value, BodyPlace? Place = null)
{
    /// <summary>The Rails form name: <c>agent[agent_avatars_attributes][0][file]</c>.</summary>
    public string FormName => Place switch
    {
        null => Name,
        { Nested: null } => $"{Place.Parent}[{Name}]",
        { Item: { } item } => $"{Place.Parent}[{Place.Nested}][{item}][{Name}]",
        _ => $"{Place.Parent}[{Place.Nested}][{Name}]",
    };
}

/// <summary>
/// Where fields sit, the way Rails nests parameters: inside the <paramref name="Parent"/> object, or inside its
/// <paramref name="Nested"/> attributes, which are item <paramref name="Item"/> of a list when that is set.
/// </summary>
internal sealed record BodyPlace(string Parent, string? Nested = null, int? Item = null);
