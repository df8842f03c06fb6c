/**
 * Familiar forms of formal forenames, as agencies record them (Bill for William). The generator
 * uses it to write nicknames into extracts; the standardise stage has its own table to undo them.
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Abigail: ['Abbie', 'Abby'], Alexander: ['Alex', 'Sandy'], Alexandra: ['Alex', 'Lexi'],
  Alfred: ['Alfie', 'Alf'], Andrew: ['Andy', 'Drew'], Anthony: ['Tony', 'Ant'], Benjamin: ['Ben', 'Benji'],
  Catherine: ['Cathy', 'Kate'], Charles: ['Charlie', 'Chas'], Charlotte: ['Lottie', 'Charlie'],
  Christina: ['Tina', 'Chris'], Christopher: ['Chris', 'Kit'], Daniel: ['Dan', 'Danny'], David: ['Dave', 'Davy'],
  Deborah: ['Debbie', 'Deb'], Donald: ['Don'], Dorothy: ['Dot', 'Dolly'], Edward: ['Ed', 'Eddie', 'Ted'],
  Eleanor: ['Ellie', 'Nell'], Elizabeth: ['Liz', 'Beth', 'Lizzie', 'Betty'], Frederick: ['Fred', 'Freddie'],
  Gabriel: ['Gabe'], Gregory: ['Greg'], Harold: ['Harry'], Henry: ['Harry', 'Hal'], Isabella: ['Bella', 'Izzy'],
  Isabelle: ['Izzy'], Jacob: ['Jake'], James: ['Jim', 'Jimmy', 'Jamie'], Jennifer: ['Jen', 'Jenny'],
  Jessica: ['Jess'], John: ['Jack', 'Johnny'], Jonathan: ['Jon', 'Jonny'], Joseph: ['Joe', 'Joey'],
  Josephine: ['Jo', 'Josie'], Joshua: ['Josh'], Katherine: ['Kate', 'Katie', 'Kathy'], Kenneth: ['Ken', 'Kenny'],
  Lawrence: ['Larry', 'Laurie'], Leonard: ['Len', 'Leo'], Margaret: ['Maggie', 'Peggy', 'Meg'], Mary: ['Molly', 'Polly'],
  Matthew: ['Matt'], Michael: ['Mike', 'Mick', 'Mikey'], Nathaniel: ['Nate', 'Nat'], Nicholas: ['Nick', 'Nicky'],
  Oliver: ['Ollie'], Patricia: ['Pat', 'Trish'], Peter: ['Pete'], Philip: ['Phil'], Raymond: ['Ray'],
  Rebecca: ['Becky', 'Becca'], Richard: ['Rich', 'Rick', 'Dick'], Robert: ['Bob', 'Rob', 'Bobby'],
  Ronald: ['Ron', 'Ronnie'], Samantha: ['Sam', 'Sammy'], Samuel: ['Sam', 'Sammy'], Sarah: ['Sally'],
  Stephen: ['Steve'], Steven: ['Steve'], Susan: ['Sue', 'Susie'], Theodore: ['Theo', 'Ted'], Thomas: ['Tom', 'Tommy'],
  Timothy: ['Tim'], Victoria: ['Vicky', 'Tori'], William: ['Bill', 'Will', 'Billy', 'Liam'], Zachary: ['Zac', 'Zack'],
};

const BY_NAME = new Map(Object.entries(NICKNAMES));
const NONE: readonly string[] = [];

/** The familiar forms of a forename (empty when it has none). */
export function nicknamesOf(forename: string): readonly string[] {
  return BY_NAME.get(forename) ?? NONE;
}
