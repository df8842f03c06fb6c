/** Vocabulary for FEBRL-style synthetic people: names with nicknames, streets, suburbs and postcodes. */
export const GIVEN_NAMES = (
  'jack thomas william james joshua lachlan daniel benjamin samuel matthew ryan liam nicholas alexander '
  + 'jacob ethan dylan luke noah nathan oliver joel riley jordan harrison cooper blake callum patrick '
  + 'michael david christopher andrew robert richard anthony edward charles henry george peter stephen '
  + 'jessica emily sarah chloe olivia sophie emma hannah isabella ella grace georgia mia lily charlotte '
  + 'jasmine amelia zoe madison lauren rebecca caitlin elizabeth katherine margaret victoria jennifer '
  + 'alexandra samantha abigail natalie stephanie rachel amanda kimberley deborah patricia susan '
  + 'kayla tahlia brianna ruby holly paige bianca jade monique alicia annabel scarlett ashleigh courtney'
).split(' ');

export const SURNAMES = (
  'smith jones williams brown wilson taylor johnson white martin anderson thompson nguyen thomas walker '
  + 'harris lee ryan robinson kelly king davis wright evans roberts green hall wood jackson clarke patel '
  + 'khan lewis james phillips mitchell turner campbell morris clark young edwards hughes cook murphy '
  + 'bell ward watson hill scott baker collins morgan cooper stewart harrison rogers gray mclean murray '
  + 'ferguson hunt reid hamilton dunn graham kennedy fraser webb lawrence russell simpson ellis cameron '
  + 'bradley marshall owen stevens pearce matthews gibson ross chapman wallace mason crawford hughes '
  + 'oconnor obrien fitzgerald sullivan mcdonald macdonald henderson davidson sutherland docherty '
  + 'papadopoulos rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo '
  + 'conti deluca costa giordano mancini rizzo lombardi moretti barbieri fontana santoro mariani '
  + 'chen wang zhang liu li yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo tran le pham hoang '
  + 'schmidt schneider fischer weber meyer wagner becker schulz hoffmann koch richter klein wolf '
  + 'kowalski nowak wisniewski wojcik kaminski lewandowski zielinski szymanski dabrowski kozlowski '
  + 'hargreaves hodgkinson worthington whitfield ashworth pemberton fairweather blackwood thornton '
  + 'donaldson mackenzie mcpherson robertson galloway drummond lindsay buchanan kirkpatrick ogilvie'
).split(' ');

/** nickname → formal, used to generate nickname variants. */
export const NICKNAMES: Record<string, string[]> = {
  william: ['bill', 'will', 'billy', 'liam'], robert: ['bob', 'rob', 'bobby'], richard: ['dick', 'rick', 'rich'],
  james: ['jim', 'jimmy', 'jamie'], thomas: ['tom', 'tommy'], michael: ['mike', 'mick'], christopher: ['chris'],
  matthew: ['matt'], daniel: ['dan', 'danny'], benjamin: ['ben'], samuel: ['sam'], nicholas: ['nick'],
  alexander: ['alex', 'xander'], joshua: ['josh'], anthony: ['tony'], edward: ['ed', 'ted', 'eddie'],
  charles: ['charlie', 'chuck'], henry: ['harry', 'hank'], peter: ['pete'], stephen: ['steve'], andrew: ['andy', 'drew'],
  david: ['dave'], patrick: ['pat', 'paddy'], jessica: ['jess', 'jessie'], elizabeth: ['liz', 'beth', 'lizzie', 'betty'],
  katherine: ['kate', 'kathy', 'katie'], margaret: ['maggie', 'peggy', 'meg'], victoria: ['vicky', 'tori'],
  jennifer: ['jen', 'jenny'], alexandra: ['alex', 'sasha'], samantha: ['sam', 'sammy'], abigail: ['abby'],
  natalie: ['nat'], stephanie: ['steph'], rebecca: ['becky', 'bec'], amanda: ['mandy'], kimberley: ['kim'],
  deborah: ['deb', 'debbie'], patricia: ['pat', 'trish'], susan: ['sue', 'susie'], isabella: ['bella', 'izzy'],
  charlotte: ['lottie', 'charlie'], olivia: ['liv'], caitlin: ['cait'],
};

export const STREETS = (
  'hodgkinson wilkinson paterson kingsford macquarie hume flinders collins bourke elizabeth swanston '
  + 'spencer william queen king george pitt castlereagh sussex kent clarence york oxford crown victoria '
  + 'albert alfred belmore bent bligh cumberland phillip hunter loftus young church chapel mill station '
  + 'railway park beach ocean river bay hill ridge valley forest grove garden orchard meadow brook '
  + 'wattle banksia acacia jacaranda waratah boronia grevillea melaleuca casuarina eucalypt tallowwood '
  + 'mcmahon chifley menzies curtin deakin barton lyons fisher holt gorton whitlam fraser hawke keating'
).split(' ');

export const STREET_TYPES = ['street', 'road', 'avenue', 'place', 'crescent', 'close', 'drive', 'circuit', 'parade', 'lane'];

export const ADDRESS_2 = (
  'rosebank village|kylie court|the grange|sunnyside|glen eira|edgewater|willow lodge|belvedere|'
  + 'harbour view|oakleigh park|st james court|riverside gardens|woodlands|bayview|the pines'
).split('|');

/** suburb, postcode, state */
export const SUBURBS: Array<[string, string, string]> = (
  'bondi 2026 nsw|manly 2095 nsw|parramatta 2150 nsw|penrith 2750 nsw|newcastle 2300 nsw|wollongong 2500 nsw|'
  + 'dubbo 2830 nsw|bathurst 2795 nsw|orange 2800 nsw|albury 2640 nsw|tamworth 2340 nsw|lismore 2480 nsw|'
  + 'richmond 3121 vic|carlton 3053 vic|geelong 3220 vic|ballarat 3350 vic|bendigo 3550 vic|frankston 3199 vic|'
  + 'dandenong 3175 vic|mildura 3500 vic|shepparton 3630 vic|warrnambool 3280 vic|fitzroy 3065 vic|'
  + 'southport 4215 qld|toowoomba 4350 qld|cairns 4870 qld|townsville 4810 qld|ipswich 4305 qld|mackay 4740 qld|'
  + 'bundaberg 4670 qld|rockhampton 4700 qld|glenelg 5045 sa|elizabeth 5112 sa|mount gambier 5290 sa|'
  + 'whyalla 5600 sa|fremantle 6160 wa|joondalup 6027 wa|bunbury 6230 wa|geraldton 6530 wa|kalgoorlie 6430 wa|'
  + 'hobart 7000 tas|launceston 7250 tas|devonport 7310 tas|burnie 7320 tas|darwin 0800 nt|palmerston 0830 nt|'
  + 'alice springs 0870 nt|belconnen 2617 act|tuggeranong 2900 act|gungahlin 2912 act|woden 2606 act|'
  + 'queanbeyan 2620 nsw|goulburn 2580 nsw|wagga wagga 2650 nsw|nowra 2541 nsw|kiama 2533 nsw|gosford 2250 nsw|'
  + 'cessnock 2325 nsw|maitland 2320 nsw|armidale 2350 nsw|grafton 2460 nsw|coffs harbour 2450 nsw|'
  + 'port macquarie 2444 nsw|taree 2430 nsw|broken hill 2880 nsw|griffith 2680 nsw|leeton 2705 nsw'
).split('|').map((s) => {
  const parts = s.split(' ');
  const state = parts.pop()!;
  const postcode = parts.pop()!;
  return [parts.join(' '), postcode, state];
});
