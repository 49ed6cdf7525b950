import { graphql } from '../gql';

/*
 * Selections that pages in several features ask for alike. A document spreads
 * them by name (`...CityName`); the generated types and the documents sent
 * include them, so nothing needs to import these constants.
 */

/** A city's names in both languages, with its id. */
export const CityName = graphql(`
  fragment CityName on City {
    id
    nameEn
    nameKo
  }
`);

/** A city with its country, as the pairing pages label it (the side's colour, the country's name). */
export const CityWithCountry = graphql(`
  fragment CityWithCountry on City {
    ...CityName
    countryCode
    country {
      code
      nameEn
      nameKo
    }
  }
`);

/** A twinning's two cities, by name. */
export const TwinningCities = graphql(`
  fragment TwinningCities on Twinning {
    cityA {
      ...CityName
    }
    cityB {
      ...CityName
    }
  }
`);

/** One of my twin workspaces, named by its two cities (the choosers of the project, application, case-study and event forms). */
export const WorkspaceCities = graphql(`
  fragment WorkspaceCities on Workspace {
    id
    myRole
    twinning {
      ...TwinningCities
    }
  }
`);

/** An amount: exact minor units, and as each language writes it. */
export const Amount = graphql(`
  fragment Amount on Money {
    currency
    amountMinor
    en
    ko
  }
`);

/** Where a list's next page starts, for "Show more". */
export const NextPage = graphql(`
  fragment NextPage on PageInfo {
    endCursor
    hasNextPage
  }
`);
