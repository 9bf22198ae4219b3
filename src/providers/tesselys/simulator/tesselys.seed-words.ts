/**
 * The Portuguese vocabulary the Tesselys demo leads are assembled from, kept apart from the
 * generator so the data reads like a Brazilian B2B pipeline without cluttering its logic.
 * Several intents and companies share words ("plano", "Padaria", "Ouro") so `search` has
 * more than one hit to find.
 */

export const LEAD_INTENTS: readonly string[] = [
  'Interesse em plano Enterprise',
  'Interesse em plano Pro',
  'Interesse em plano Básico',
  'Solicitação de orçamento',
  'Solicitação de demonstração',
  'Demonstração do módulo financeiro',
  'Renovação de contrato anual',
  'Prospecção via LinkedIn',
  'Indicação de parceiro',
  'Contato pós-evento',
  'Upgrade de plano',
  'Integração com ERP',
  'Cotação de licenças',
  'Migração de sistema legado',
  'Dúvida sobre faturamento',
];

export const COMPANIES: readonly string[] = [
  'Padaria Pão Dourado',
  'Construtora Horizonte Ltda',
  'Clínica Sorriso Feliz',
  'Transportadora Rota Sul',
  'Mendes & Associados Advocacia',
  'Supermercado Bom Preço',
  'Auto Peças Veloz',
  'Agropecuária Vale Verde',
  'Hotel Mar Azul',
  'Escola Caminho do Saber',
  'Farmácia Vida Plena',
  'Metalúrgica Aço Forte',
  'Café Grão Mineiro',
  'Imobiliária Chave de Ouro',
  'Academia Corpo em Movimento',
  'Laboratório BioAnálise',
  'Gráfica Expressa',
  'TechNova Sistemas',
  'Distribuidora Nordeste Alimentos',
  'Ótica Visão Clara',
  'Padaria Trigo de Ouro',
  'Pousada Recanto da Serra',
  'Contabilidade Exata',
  'Logística Amazonas Express',
];

/** Who a lead can point at: contacts and, as Tesselys's own example shows, whole companies. */
export const PERSON_NAMES: readonly string[] = [
  'Mariana Albuquerque',
  'João Pedro Siqueira',
  'Ana Beatriz Carvalho',
  'Rafael Nogueira',
  'Fernanda Tavares',
  'Lucas Menezes',
  'Camila Rocha',
  'Thiago Barbosa',
  'Juliana Freitas',
  'Gustavo Lima Prado',
  'Patrícia Moura',
  'Eduardo Cavalcanti',
  'Larissa Teixeira',
  'Bruno Azevedo',
  'Construtora Horizonte Ltda',
  'Tech Solutions Ltda',
  'Grupo Vale Verde S.A.',
  'Comercial Bom Preço Ltda',
];

/** Description templates; `{company}` is replaced by the lead's company. */
export const DESCRIPTIONS: readonly string[] = [
  'Contato recebido via formulário do site solicitando demonstração para a equipe da {company}.',
  'Cliente pediu proposta comercial com desconto para pagamento anual.',
  'Reunião inicial realizada; aguardando retorno do diretor financeiro da {company}.',
  'Indicado por um cliente atual. Interesse em automatizar o controle de estoque.',
  'Conversa iniciada no estande durante a feira do setor.',
  'Precisa integrar com o ERP atual antes do fim do trimestre.',
  'Solicitou material comparativo com o concorrente.',
  'A {company} está avaliando a troca de fornecedor e quer migrar os dados históricos.',
  'Retornar na próxima semana: responsável de compras em férias.',
  'Orçamento aprovado internamente, aguardando assinatura do contrato.',
];

export const TAGS: readonly string[] = [
  'enterprise',
  'inbound',
  'outbound',
  'pme',
  'urgente',
  'renovacao',
  'indicacao',
  'evento',
  'linkedin',
  'demo-agendada',
  'financeiro',
  'varejo',
  'saude',
  'industria',
  'educacao',
];
