import { graphql } from '../../gql';

/** A pair's score on each of the four pillars, as the partner cards and the explanation show them. */
export const PillarScores = graphql(`
  fragment PillarScores on PairScore {
    overallStars
    similarity {
      score
      stars
    }
    internationalisation {
      score
      stars
    }
    synergy {
      score
      stars
    }
    relationship {
      score
      stars
    }
  }
`);

/** How far a pair's ranking score can be trusted: the ranking and observed scores, what it could reach, and the evidence behind it. */
export const ScoreEvidence = graphql(`
  fragment ScoreEvidence on PairScore {
    overall
    adjusted
    potential
    judged
    overallStars
    coverage {
      confidence
      confidenceLabel
      numericUsed
      numericKnownA
      numericKnownB
      numericWeighted
      numericMinimum
    }
  }
`);

/** What a city lacks for its pairs to be judged, most useful first. */
export const CityNeed = graphql(`
  fragment CityNeed on CityEvidenceNeed {
    cityId
    city {
      ...CityWithCountry
    }
    numericKnown
    numericWeighted
    numericMinimum
    headroom
    gapCount
    gaps {
      kind
      indicator
      pillar
      headroom
    }
  }
`);

/** A pair that cannot be judged yet, with its two cities. */
export const NeedsPair = graphql(`
  fragment NeedsPair on PairScore {
    pairKey
    cityA {
      ...CityWithCountry
    }
    cityB {
      ...CityWithCountry
    }
    ...ScoreEvidence
  }
`);
