/** How `leads` can be ordered: the orderings every listing provider supports. */
import { registerEnumType } from 'type-graphql';

export enum LeadOrderField {
  CREATED_AT = 'CREATED_AT',
  TITLE = 'TITLE',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(LeadOrderField, {
  name: 'LeadOrderField',
  description: 'The field `leads` is ordered by.',
  valuesConfig: {
    CREATED_AT: { description: 'Creation time.' },
    TITLE: { description: 'Title, alphabetically.' },
  },
});

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Ascending or descending order.',
  valuesConfig: {
    ASC: { description: 'Ascending: oldest or A first.' },
    DESC: { description: 'Descending: newest or Z first.' },
  },
});
