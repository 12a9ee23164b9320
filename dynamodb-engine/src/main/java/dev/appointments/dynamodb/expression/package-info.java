/**
 * DynamoDB's expression language: condition, filter, key condition, update and projection
 * expressions, parsed by a hand-written tokenizer and recursive-descent parser and
 * evaluated against items.
 */
package dev.appointments.dynamodb.expression;
