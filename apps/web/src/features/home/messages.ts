import { defineMessages } from '../../i18n';

export const homeMessages = defineMessages(
  'home',
  {
    title: 'Cities of the UK and Korea, working together as equals',
    lead: 'Innovation Twins pairs secondary cities of two countries. Twinned cities run joint projects in a shared workspace, apply together to a seed fund that a bilateral board decides on, and share what works.',
    figures: { label: 'The programme in figures', cities: 'cities taking part', twinnings: 'twinned pairs', caseStudies: 'published case studies', events: 'upcoming events' },
    strands: {
      title: 'How it works',
      pairing: { title: 'Find a partner', body: 'The pairing score ranks which cities should twin, pillar by pillar, and explains why from the founding report’s evidence.' },
      workspace: { title: 'Work as twins', body: 'City officers of both cities share a workspace and run joint projects from discovery to business as usual.' },
      fund: { title: 'Apply for seed funding', body: 'Twinned cities apply together; a board of members from both countries reviews, votes and records each decision for good.' },
      knowledge: { title: 'Share what works', body: 'Participants publish case studies in English and Korean for every city to learn from.' },
    },
    calls: { title: 'Open calls for seed funding', closes: 'Closes', none: 'No call is open right now.' },
    events: { title: 'Coming up', all: 'All events', none: 'No events are announced yet.' },
    caseStudies: { title: 'Latest case studies', all: 'All case studies' },
    cta: { explorer: 'Explore city pairings', pairs: 'See the twinned cities' },
  },
  {
    title: '영국과 한국의 도시가 대등한 파트너로 함께합니다',
    lead: '이노베이션 트윈스는 두 나라의 중소·거점 도시를 짝지어 줍니다. 자매 도시는 공동 워크스페이스에서 함께 프로젝트를 진행하고, 양국 위원으로 구성된 운영위원회가 결정하는 시드 기금에 공동으로 지원하며, 효과가 있었던 방법을 서로 나눕니다.',
    figures: { label: '숫자로 보는 프로그램', cities: '참여 도시', twinnings: '자매 도시 쌍', caseStudies: '공개된 우수 사례', events: '예정된 행사' },
    strands: {
      title: '이렇게 진행됩니다',
      pairing: { title: '파트너 도시 찾기', body: '매칭 점수가 어떤 도시끼리 짝을 이루면 좋을지 분야별로 순위를 매기고, 기초 보고서의 근거로 그 이유를 설명합니다.' },
      workspace: { title: '자매 도시로 협력하기', body: '두 도시의 담당 공무원이 한 워크스페이스에서 탐색 단계부터 정착 단계까지 공동 프로젝트를 함께 운영합니다.' },
      fund: { title: '시드 기금 지원하기', body: '자매 도시가 함께 지원하면, 양국 위원으로 구성된 운영위원회가 검토하고 투표한 뒤 그 결정을 변경할 수 없게 기록합니다.' },
      knowledge: { title: '우수 사례 나누기', body: '참여자가 영어와 한국어로 우수 사례를 공개해 모든 도시가 배울 수 있게 합니다.' },
    },
    calls: { title: '지원 가능한 시드 기금 공모', closes: '마감', none: '지금 열려 있는 공모가 없습니다.' },
    events: { title: '다가오는 행사', all: '전체 행사 보기', none: '아직 공지된 행사가 없습니다.' },
    caseStudies: { title: '최신 우수 사례', all: '전체 우수 사례 보기' },
    cta: { explorer: '도시 매칭 살펴보기', pairs: '자매 도시 보기' },
  },
);
