namespace CloudNative.Hosting.Publishing;

/// <summary>
/// One reason azd would refuse a manifest; <see cref="Message"/> keeps azd's own wording.
/// </summary>
public sealed record AzdRuleViolation(string Resource, string Message);
