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
