/*
 * The SQL grammar of Quiver.
 *
 * Keywords are case-insensitive. A keyword listed in `nonReserved` may also be used as a plain
 * identifier; every other keyword is reserved (see SqlParser.reservedKeywords()).
 *
 * Expression precedence, lowest to highest, follows PostgreSQL:
 *   OR; AND; NOT; IS [NOT] NULL, IS [NOT] TRUE|FALSE|UNKNOWN, IS [NOT] DISTINCT FROM; = <> != < <= > >= (non-associative);
 *   [NOT] BETWEEN, [NOT] IN, [NOT] LIKE/ILIKE (non-associative); ||; + -; * / %; unary + -; ::.
 *
 * The error tokens at the end of the lexer (UNTERMINATED_*, UNRECOGNIZED) are never accepted by
 * a parser rule; they exist so that a lexical problem surfaces as a syntax error at its position.
 */
grammar QuiverSql;

options { caseInsensitive = true; }

// ---------------------------------------------------------------- entry points

singleStatement
    : statement SEMICOLON? EOF
    ;

script
    : SEMICOLON* (statement (SEMICOLON+ statement)* SEMICOLON*)? EOF
    ;

standaloneExpression
    : expression EOF
    ;

// ---------------------------------------------------------------- statements

statement
    : query                                                                   #statementDefault
    | CREATE TABLE (IF NOT EXISTS)? qualifiedName
        LEFT_PAREN tableElement (COMMA tableElement)* RIGHT_PAREN             #createTable
    | CREATE TABLE (IF NOT EXISTS)? qualifiedName AS query                    #createTableAsSelect
    | CREATE (OR REPLACE)? VIEW qualifiedName columnAliases? AS query         #createView
    | DROP TABLE (IF EXISTS)? qualifiedName                                   #dropTable
    | DROP VIEW (IF EXISTS)? qualifiedName                                    #dropView
    | CREATE UNIQUE? INDEX (IF NOT EXISTS)? identifier ON qualifiedName
        LEFT_PAREN indexColumn (COMMA indexColumn)* RIGHT_PAREN               #createIndex
    | DROP INDEX (IF EXISTS)? qualifiedName                                   #dropIndex
    | (INSERT (OR conflictAction=(REPLACE | IGNORE))? | REPLACE) INTO
        qualifiedName columnAliases? query                                    #insertInto
    | DELETE FROM qualifiedName targetAlias? (WHERE where=expression)?        #deleteFrom
    | UPDATE qualifiedName targetAlias? SET setClause (COMMA setClause)*
        (WHERE where=expression)?                                             #update
    | REINDEX (reindexKind=(INDEX | TABLE)? qualifiedName)?                   #reindex
    | ANALYZE qualifiedName?                                                  #analyze
    | EXPLAIN (ANALYZE | LEFT_PAREN explainOption (COMMA explainOption)* RIGHT_PAREN)?
        statement                                                             #explain
    | CALL qualifiedName LEFT_PAREN (callArgument (COMMA callArgument)*)? RIGHT_PAREN  #call
    | SET identifier (EQ | TO) setValue                                       #setOption
    ;

tableElement
    : columnDefinition
    | tableConstraint
    ;

columnDefinition
    : identifier type columnConstraint*
    ;

columnConstraint
    : NOT NULL                                                                #notNullConstraint
    | NULL                                                                    #nullConstraint
    | PRIMARY KEY                                                             #primaryKeyConstraint
    | UNIQUE                                                                  #uniqueConstraint
    | DEFAULT valueExpression                                                 #defaultConstraint
    ;

tableConstraint
    : (CONSTRAINT identifier)? (PRIMARY KEY | UNIQUE) columnAliases
    ;

indexColumn
    : identifier ordering=(ASC | DESC)?
    ;

// The alias of the table a DELETE or UPDATE changes (AS is optional, as in PostgreSQL).
targetAlias
    : AS? identifier
    ;

setClause
    : identifier EQ expression
    ;

callArgument
    : identifier ARROW expression                                             #namedArgument
    | expression                                                              #positionalArgument
    ;

// An EXPLAIN option, as in PostgreSQL: a name and an optional value. Names and values are plain
// words (FORMAT, RULES, JSON and TEXT are not keywords); the AST builder checks which are known.
explainOption
    : identifier explainOptionValue?
    ;

explainOptionValue
    : identifier | TRUE | FALSE | ON | STRING
    ;

setValue
    : expression                                                              #setExpression
    | ON                                                                      #setOn
    ;

// ---------------------------------------------------------------- queries

query
    : with? queryTerm orderBy? limitOffset?
    ;

with
    : WITH namedQuery (COMMA namedQuery)*
    ;

namedQuery
    : identifier columnAliases? AS LEFT_PAREN query RIGHT_PAREN
    ;

orderBy
    : ORDER BY sortItem (COMMA sortItem)*
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrdering=(FIRST | LAST))?
    ;

limitOffset
    : LIMIT limitValue (OFFSET offsetValue)?
    | OFFSET offsetValue (LIMIT limitValue)?
    ;

limitValue
    : ALL                                                                     #limitAll
    | expression                                                              #limitExpression
    ;

offsetValue
    : expression (ROW | ROWS)?
    ;

queryTerm
    : queryPrimary                                                            #queryTermDefault
    | left=queryTerm operator=INTERSECT setQuantifier? right=queryTerm        #setOperation
    | left=queryTerm operator=(UNION | EXCEPT) setQuantifier? right=queryTerm #setOperation
    ;

queryPrimary
    : querySpecification                                                      #queryPrimaryDefault
    | VALUES rowConstructor (COMMA rowConstructor)*                           #inlineTable
    | LEFT_PAREN query RIGHT_PAREN                                            #subquery
    ;

rowConstructor
    : LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN
    ;

querySpecification
    : SELECT setQuantifier? selectItem (COMMA selectItem)*
      (FROM relation (COMMA relation)*)?
      (WHERE where=expression)?
      (GROUP BY groupBy+=expression (COMMA groupBy+=expression)*)?
      (HAVING having=expression)?
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

selectItem
    : expression (AS? identifier)?                                            #selectSingle
    | qualifiedName DOT ASTERISK                                              #selectAll
    | ASTERISK                                                                #selectAll
    ;

// ---------------------------------------------------------------- relations

relation
    : left=relation CROSS JOIN right=aliasedRelation                          #crossJoin
    | left=relation joinType JOIN right=relation joinCriteria                 #qualifiedJoin
    | left=relation NATURAL joinType JOIN right=aliasedRelation               #naturalJoin
    | aliasedRelation                                                         #relationDefault
    ;

joinType
    : INNER?
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

joinCriteria
    : ON expression
    | USING columnAliases
    ;

aliasedRelation
    : qualifiedName tableAlias?                                               #tableName
    | LEFT_PAREN query RIGHT_PAREN tableAlias?                                #subqueryRelation
    | LEFT_PAREN relation RIGHT_PAREN                                         #parenthesizedRelation
    ;

tableAlias
    : AS? identifier columnAliases?
    ;

columnAliases
    : LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN
    ;

// ---------------------------------------------------------------- expressions

expression
    : booleanExpression
    ;

booleanExpression
    : isExpression                                                            #booleanDefault
    | NOT booleanExpression                                                   #logicalNot
    | left=booleanExpression operator=AND right=booleanExpression             #logicalBinary
    | left=booleanExpression operator=OR right=booleanExpression              #logicalBinary
    ;

isExpression
    : comparisonExpression                                                    #isDefault
    | isExpression IS NOT? NULL                                               #isNull
    | isExpression IS NOT? truth=(TRUE | FALSE | UNKNOWN)                     #isTruth
    | left=isExpression IS NOT? DISTINCT FROM right=comparisonExpression      #distinctFrom
    ;

// Comparisons do not associate (as in PostgreSQL): `a = b = c` is an error.
comparisonExpression
    : left=predicateExpression
      (comparisonOperator (comparisonQuantifier LEFT_PAREN query RIGHT_PAREN | right=predicateExpression))?
    ;

predicateExpression
    : valueExpression predicate?
    ;

predicate
    : NOT? BETWEEN lower=valueExpression AND upper=valueExpression             #between
    | NOT? IN LEFT_PAREN query RIGHT_PAREN                                     #inSubquery
    | NOT? IN LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN         #inList
    | NOT? operator=(LIKE | ILIKE) pattern=valueExpression (ESCAPE escape=valueExpression)?  #like
    ;

valueExpression
    : primaryExpression                                                       #valueDefault
    | valueExpression DOUBLE_COLON type                                       #castOperator
    | operator=(MINUS | PLUS) valueExpression                                 #arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT) right=valueExpression  #arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression      #arithmeticBinary
    | left=valueExpression CONCAT right=valueExpression                       #concatenation
    ;

primaryExpression
    : NULL                                                                    #nullLiteral
    | number                                                                  #numericLiteral
    | (TRUE | FALSE)                                                          #booleanLiteral
    | STRING                                                                  #stringLiteral
    | literalType=(DATE | TIME | TIMESTAMP) STRING                            #typedLiteral
    | INTERVAL sign=(PLUS | MINUS)? STRING intervalField
        (LEFT_PAREN INTEGER_VALUE RIGHT_PAREN)?                               #intervalLiteral
    | QUESTION_MARK                                                           #positionalParameter
    | DOLLAR_PARAMETER                                                        #numberedParameter
    | LEFT_PAREN query RIGHT_PAREN                                            #subqueryExpression
    | LEFT_PAREN expression RIGHT_PAREN                                       #parenthesizedExpression
    | EXISTS LEFT_PAREN query RIGHT_PAREN                                     #exists
    | CASE operand=expression whenClause+ (ELSE elseValue=expression)? END    #simpleCase
    | CASE whenClause+ (ELSE elseValue=expression)? END                       #searchedCase
    | CAST LEFT_PAREN expression AS type RIGHT_PAREN                          #cast
    | EXTRACT LEFT_PAREN identifier FROM valueExpression RIGHT_PAREN          #extract
    | SUBSTRING LEFT_PAREN value=valueExpression FROM from=valueExpression
        (FOR length=valueExpression)? RIGHT_PAREN                             #substring
    | TRIM LEFT_PAREN trimSpecification? chars=valueExpression?
        FROM value=valueExpression RIGHT_PAREN                                #trim
    | POSITION LEFT_PAREN needle=valueExpression IN haystack=valueExpression RIGHT_PAREN  #position
    | functionName LEFT_PAREN ASTERISK RIGHT_PAREN                            #functionCallStar
    | functionName LEFT_PAREN (setQuantifier? expression (COMMA expression)*)? RIGHT_PAREN  #functionCall
    | identifier (DOT identifier)*                                            #columnReference
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

comparisonQuantifier
    : ALL | ANY | SOME
    ;

intervalField
    : YEAR | YEARS | MONTH | MONTHS | DAY | DAYS
    | HOUR | HOURS | MINUTE | MINUTES | SECOND | SECONDS
    ;

trimSpecification
    : BOTH | LEADING | TRAILING
    ;

number
    : INTEGER_VALUE
    | DECIMAL_VALUE
    | DOUBLE_VALUE
    ;

functionName
    : qualifiedName
    | LEFT
    | RIGHT
    ;

// ---------------------------------------------------------------- types and names

type
    : baseType (LEFT_PAREN INTEGER_VALUE (COMMA INTEGER_VALUE)* RIGHT_PAREN)?
      (timeZone=(WITH | WITHOUT) TIME ZONE)?
    ;

baseType
    : DOUBLE PRECISION
    | CHARACTER VARYING
    | identifier
    ;

qualifiedName
    : identifier (DOT identifier)*
    ;

identifier
    : IDENTIFIER                                                              #unquotedIdentifier
    | QUOTED_IDENTIFIER                                                       #quotedIdentifier
    | nonReserved                                                             #keywordIdentifier
    ;

// Every keyword that is not reserved. Keep this list in sync with the keyword tokens below.
nonReserved
    : ANALYZE | ANY | ASC | BOTH | CALL | CHARACTER | CONSTRAINT | DATE | DAY | DAYS | DEFAULT | DELETE
    | DESC | DOUBLE | ESCAPE | EXPLAIN | EXTRACT | FIRST | FOR | HOUR | HOURS | IF | IGNORE | INDEX | INTERVAL
    | KEY | LAST | LEADING | MINUTE | MINUTES | MONTH | MONTHS | NULLS | POSITION | PRECISION | PRIMARY
    | REINDEX | REPLACE | ROW | ROWS | SECOND | SECONDS | SET | SOME | SUBSTRING | TABLE | TIME | TIMESTAMP | TO
    | TRAILING | TRIM | UNIQUE | UNKNOWN | UPDATE | VARYING | VIEW | WITHOUT | YEAR | YEARS | ZONE
    ;

// ---------------------------------------------------------------- keywords

ALL: 'ALL';
ANALYZE: 'ANALYZE';
AND: 'AND';
ANY: 'ANY';
AS: 'AS';
ASC: 'ASC';
BETWEEN: 'BETWEEN';
BOTH: 'BOTH';
BY: 'BY';
CALL: 'CALL';
CASE: 'CASE';
CAST: 'CAST';
CHARACTER: 'CHARACTER';
CONSTRAINT: 'CONSTRAINT';
CREATE: 'CREATE';
CROSS: 'CROSS';
DATE: 'DATE';
DAY: 'DAY';
DAYS: 'DAYS';
DEFAULT: 'DEFAULT';
DELETE: 'DELETE';
DESC: 'DESC';
DISTINCT: 'DISTINCT';
DOUBLE: 'DOUBLE';
DROP: 'DROP';
ELSE: 'ELSE';
END: 'END';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTRACT: 'EXTRACT';
FALSE: 'FALSE';
FIRST: 'FIRST';
FOR: 'FOR';
FROM: 'FROM';
FULL: 'FULL';
GROUP: 'GROUP';
HAVING: 'HAVING';
HOUR: 'HOUR';
HOURS: 'HOURS';
IF: 'IF';
IGNORE: 'IGNORE';
ILIKE: 'ILIKE';
IN: 'IN';
INDEX: 'INDEX';
INNER: 'INNER';
INSERT: 'INSERT';
INTERSECT: 'INTERSECT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
IS: 'IS';
JOIN: 'JOIN';
KEY: 'KEY';
LAST: 'LAST';
LEADING: 'LEADING';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
MINUTE: 'MINUTE';
MINUTES: 'MINUTES';
MONTH: 'MONTH';
MONTHS: 'MONTHS';
NATURAL: 'NATURAL';
NOT: 'NOT';
NULL: 'NULL';
NULLS: 'NULLS';
OFFSET: 'OFFSET';
ON: 'ON';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
POSITION: 'POSITION';
PRECISION: 'PRECISION';
PRIMARY: 'PRIMARY';
REINDEX: 'REINDEX';
REPLACE: 'REPLACE';
RIGHT: 'RIGHT';
ROW: 'ROW';
ROWS: 'ROWS';
SECOND: 'SECOND';
SECONDS: 'SECONDS';
SELECT: 'SELECT';
SET: 'SET';
SOME: 'SOME';
SUBSTRING: 'SUBSTRING';
TABLE: 'TABLE';
THEN: 'THEN';
TIME: 'TIME';
TIMESTAMP: 'TIMESTAMP';
TO: 'TO';
TRAILING: 'TRAILING';
TRIM: 'TRIM';
TRUE: 'TRUE';
UNION: 'UNION';
UNIQUE: 'UNIQUE';
UNKNOWN: 'UNKNOWN';
UPDATE: 'UPDATE';
USING: 'USING';
VALUES: 'VALUES';
VARYING: 'VARYING';
VIEW: 'VIEW';
WHEN: 'WHEN';
WHERE: 'WHERE';
WITH: 'WITH';
WITHOUT: 'WITHOUT';
YEAR: 'YEAR';
YEARS: 'YEARS';
ZONE: 'ZONE';

// ---------------------------------------------------------------- operators and punctuation

EQ: '=';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
CONCAT: '||';
DOUBLE_COLON: '::';
ARROW: '=>';
LEFT_PAREN: '(';
RIGHT_PAREN: ')';
COMMA: ',';
DOT: '.';
SEMICOLON: ';';
QUESTION_MARK: '?';

// ---------------------------------------------------------------- literals and names

STRING: '\'' (~'\'' | '\'\'')* '\'';

INTEGER_VALUE: DIGIT+;

DECIMAL_VALUE
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

DOUBLE_VALUE
    : DIGIT+ ('.' DIGIT*)? EXPONENT
    | '.' DIGIT+ EXPONENT
    ;

DOLLAR_PARAMETER: '$' DIGIT+;

IDENTIFIER: (LETTER | '_') (LETTER | DIGIT | '_' | '$')*;

QUOTED_IDENTIFIER: '"' (~'"' | '""')* '"';

fragment EXPONENT: 'E' [+-]? DIGIT+;
fragment DIGIT: [0-9];
fragment LETTER: [\p{L}];

// ---------------------------------------------------------------- skipped

LINE_COMMENT: '--' ~[\r\n]* -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;
WHITESPACE: [ \t\r\n\f]+ -> skip;

// ---------------------------------------------------------------- errors (never matched by the parser)

// Each of these matches a prefix that the rule above it cannot complete; the lexer picks the
// longest match, so they only win when the closing quote or `*/` is missing.
UNTERMINATED_STRING: '\'' (~'\'' | '\'\'')*;
UNTERMINATED_QUOTED_IDENTIFIER: '"' (~'"' | '""')*;
UNTERMINATED_BLOCK_COMMENT: '/*' (~'*' | '*'+ ~[*/])* '*'*;
UNRECOGNIZED: .;
