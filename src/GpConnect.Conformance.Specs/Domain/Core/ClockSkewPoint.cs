namespace GpConnect.Conformance.Specs.Domain.Core;

/// <summary>Which JWT timing claim a clock-skew test point moves.</summary>
public enum TimingClaim
{
    /// <summary><c>exp</c> = now − seconds (and <c>iat</c> = exp − 300): the token expired that long ago.</summary>
    ExpiredAgo,
    /// <summary><c>iat</c> = now + seconds (and <c>exp</c> = iat + 300): the consumer's clock runs that far ahead.</summary>
    IssuedAhead,
}

/// <summary>
/// One JWT timing test point of the JWT clock-skew rule (release note #640) and what the configured expectation set says the provider
/// must do with it: the seed-time rule (leeway 120 s on exp and iat) by default, the released text (leeway 0, iat not
/// validated) when config jwt:clockSkewLeewaySeconds=0 and jwt:validateIat=false. A point closer than
/// <see cref="MinimumMargin"/> to the configured boundary would let clock jitter decide, so it has no expectation.
/// </summary>
public sealed record ClockSkewPoint(TimingClaim Claim, int Seconds)
{
    /// <summary>Test points must be at least this far from the leeway boundary (spec: JWT clock skew (#640)).</summary>
    public const int MinimumMargin = 60;

    /// <summary>True when the provider must accept the token; false when it must reject it.</summary>
    /// <exception cref="InvalidOperationException">The point is within <see cref="MinimumMargin"/> seconds of the configured boundary.</exception>
    public bool MustAccept(int leewaySeconds, bool validateIat)
    {
        if (Claim == TimingClaim.IssuedAhead && !validateIat) return true;
        var margin = Math.Abs(Seconds - leewaySeconds);
        if (margin < MinimumMargin)
            throw new InvalidOperationException(
                $"A token {Describe()} is only {margin} s from the configured {leewaySeconds} s leeway boundary; test points must be at least {MinimumMargin} s away so clock jitter cannot decide the result.");
        return Seconds <= leewaySeconds;
    }

    /// <summary>"that expired 60 s ago" / "issued 180 s in the future", for messages.</summary>
    public string Describe() => Claim == TimingClaim.ExpiredAgo ? $"that expired {Seconds} s ago" : $"issued {Seconds} s in the future";

    /// <summary>Why the expectation is what it is, naming the config switches.</summary>
    public string Basis(int leewaySeconds, bool validateIat) =>
        $"jwt:clockSkewLeewaySeconds={leewaySeconds}, jwt:validateIat={validateIat.ToString().ToLowerInvariant()}" +
        (leewaySeconds == 120 && validateIat ? " (seed-time #640 rule)" : leewaySeconds == 0 && !validateIat ? " (released 1.2.3 text)" : " (custom)");
}
