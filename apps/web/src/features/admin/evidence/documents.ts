import { graphql } from '../../../gql';

/** The cities' evidence worklist: each city's gaps, most useful first, twenty at a time (each with up to 12 gaps). */
export const EvidenceNeeds = graphql(`
  query AdminEvidenceNeeds($countryCode: String, $search: String, $after: String) {
    cityEvidenceNeeds(countryCode: $countryCode, search: $search, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...CityNeed
      }
    }
  }
`);

/** Every change to pairing evidence, newest first, optionally of one city. */
export const EvidenceAudit = graphql(`
  query AdminEvidenceAudit($cityId: ID, $first: Int, $after: String) {
    pairingEvidenceAudit(cityId: $cityId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        action
        actorUserId
        actorName
        at
        cityIds
        entity
        entityId
        before
        after
      }
    }
  }
`);

/** One city's evidence, whole: indicators, the readiness assessment, sector activity and links. */
export const CityEvidence = graphql(`
  query AdminCityEvidence($cityId: ID!) {
    city(id: $cityId) {
      ...CityWithCountry
      indicators {
        key
        definition {
          key
          labelEn
          labelKo
          unitEn
          unitKo
          valueType
          categories {
            value
            labelEn
            labelKo
          }
          integerOnly
          minValue
          maxValue
        }
        value {
          hasValue
          numberValue
          booleanValue
          textValue
        }
        source
        asOf
      }
    }
    readinessRubric {
      key
      labelEn
      labelKo
      min
      max
      levels {
        score
        descriptionEn
        descriptionKo
      }
    }
    cityReadinessHistory(cityId: $cityId, first: 10) {
      totalCount
      nodes {
        id
        strategy
        strategyEvidence
        visibleHome
        visibleHomeEvidence
        networks
        networksEvidence
        collaboration
        collaborationEvidence
        composite
        source
        asOf
        createdAt
        current
      }
    }
    citySectorActivity(cityId: $cityId) {
      sectorKey
      level
      projects {
        title
        summary
      }
      source
      asOf
    }
    sectors {
      key
      nameEn
      nameKo
    }
    cityLinks(cityId: $cityId) {
      id
      cityAId
      cityBId
      cityA {
        ...CityName
      }
      cityB {
        ...CityName
      }
      otherPlace
      otherPlaceCountryCode
      kind
      partners
      since
      formality
      summary {
        en
        ko
      }
      source
      asOf
      live
      platformRef
    }
  }
`);

/** The earlier values of one city's indicators, newest first. */
export const IndicatorHistory = graphql(`
  query AdminIndicatorHistory($cityId: ID!, $key: String, $after: String) {
    city(id: $cityId) {
      id
      indicatorHistory(key: $key, first: 10, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          key
          changedAt
          asOf
          source
          oldValue {
            hasValue
            numberValue
            booleanValue
            textValue
          }
          newValue {
            hasValue
            numberValue
            booleanValue
            textValue
          }
        }
      }
    }
  }
`);

/** The cities of the other countries, for a link's other end. */
export const LinkableCities = graphql(`
  query AdminLinkableCities {
    cities(first: 100) {
      nodes {
        ...CityName
        countryCode
      }
    }
  }
`);

export const SetIndicator = graphql(`
  mutation AdminSetIndicator($input: SetCityIndicatorInput!) {
    setCityIndicator(input: $input) {
      key
      source
      asOf
      value {
        hasValue
        numberValue
        booleanValue
        textValue
      }
    }
  }
`);

export const RecordReadiness = graphql(`
  mutation AdminRecordReadiness($input: RecordReadinessAssessmentInput!) {
    recordReadinessAssessment(input: $input) {
      id
      composite
    }
  }
`);

export const SetSector = graphql(`
  mutation AdminSetSector($input: SetSectorActivityInput!) {
    setSectorActivity(input: $input) {
      sectorKey
      level
    }
  }
`);

export const ClearSector = graphql(`
  mutation AdminClearSector($input: ClearSectorActivityInput!) {
    clearSectorActivity(input: $input)
  }
`);

export const CreateLink = graphql(`
  mutation AdminCreateLink($input: CreateCityLinkInput!) {
    createCityLink(input: $input) {
      id
    }
  }
`);

export const UpdateLink = graphql(`
  mutation AdminUpdateLink($input: UpdateCityLinkInput!) {
    updateCityLink(input: $input) {
      id
      formality
      summary {
        en
        ko
      }
    }
  }
`);

export const DeleteLink = graphql(`
  mutation AdminDeleteLink($id: ID!) {
    deleteCityLink(id: $id)
  }
`);

export const ChangeTwinningStatus = graphql(`
  mutation AdminChangeTwinningStatus($input: ChangeTwinningStatusInput!) {
    changeTwinningStatus(input: $input) {
      id
      status
      closedAt
    }
  }
`);

/** Every twinning (admins see all), by status or city, newest first. */
export const AdminTwinnings = graphql(`
  query AdminTwinnings($filter: TwinningFilter, $first: Int, $after: String) {
    twinnings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        createdAt
        cityA {
          ...CityName
        }
        cityB {
          ...CityName
        }
      }
    }
  }
`);
