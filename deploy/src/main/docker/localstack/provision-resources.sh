#!/bin/bash
# Creates the system's queues and tables with `awslocal`: in LocalStack (mounted into
# /etc/localstack/init/ready.d, it runs once LocalStack is ready), or in docker-compose.yml's provision
# container, where awslocal is the AWS CLI with endpoints for ElasticMQ and the DynamoDB engine.
# GENERATED from dev.appointments.resources.Queues and Tables by
# dev.appointments.deploy.local.LocalStackInitScript; do not edit: regenerate (deploy/README.md).
# The deploy module's tests fail when this file and the definitions disagree.
set -euo pipefail

# queue NAME MAX_RECEIVE_COUNT VISIBILITY_TIMEOUT_SECONDS: the queue and NAME-dlq, joined by a redrive policy.
queue() {
  local name=$1 max_receive_count=$2 visibility_timeout=$3 dlq_url dlq_arn redrive
  dlq_url=$(awslocal sqs create-queue --queue-name "$name-dlq" \
    --attributes MessageRetentionPeriod=1209600 --query QueueUrl --output text)
  dlq_arn=$(awslocal sqs get-queue-attributes --queue-url "$dlq_url" \
    --attribute-names QueueArn --query Attributes.QueueArn --output text)
  redrive="{\"deadLetterTargetArn\":\"$dlq_arn\",\"maxReceiveCount\":\"$max_receive_count\"}"
  awslocal sqs create-queue --queue-name "$name" --attributes \
    "{\"VisibilityTimeout\":\"$visibility_timeout\",\"RedrivePolicy\":\"${redrive//\"/\\\"}\"}" >/dev/null
  echo "queue $name: dead letters go to $name-dlq after $max_receive_count receives"
}

# table NAME CREATE_TABLE_JSON: creates the table unless it exists.
table() {
  if awslocal dynamodb describe-table --table-name "$1" >/dev/null 2>&1; then
    echo "table $1: exists"
    return
  fi
  awslocal dynamodb create-table --cli-input-json "$2" >/dev/null
  awslocal dynamodb wait table-exists --table-name "$1"
  echo "table $1: created"
}

# time_to_live NAME ATTRIBUTE: as in production (deploy/src/main/java/.../data/TimeToLive.java).
time_to_live() {
  local status
  status=$(awslocal dynamodb describe-time-to-live --table-name "$1" \
    --query TimeToLiveDescription.TimeToLiveStatus --output text)
  if [ "$status" != ENABLED ]; then
    awslocal dynamodb update-time-to-live --table-name "$1" \
      --time-to-live-specification "Enabled=true,AttributeName=$2" >/dev/null
  fi
}

queue appointment-requests 5 30
queue appointment-confirmations 5 30
queue appointment-reminders 5 30
table appointments '{"TableName":"appointments","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"appointmentId","AttributeType":"S"},{"AttributeName":"patientId","AttributeType":"S"},{"AttributeName":"startsAt","AttributeType":"S"},{"AttributeName":"providerId","AttributeType":"S"},{"AttributeName":"status","AttributeType":"S"}],"KeySchema":[{"AttributeName":"appointmentId","KeyType":"HASH"}],"GlobalSecondaryIndexes":[{"IndexName":"by-patient","KeySchema":[{"AttributeName":"patientId","KeyType":"HASH"},{"AttributeName":"startsAt","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}},{"IndexName":"by-provider","KeySchema":[{"AttributeName":"providerId","KeyType":"HASH"},{"AttributeName":"startsAt","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}},{"IndexName":"by-status","KeySchema":[{"AttributeName":"status","KeyType":"HASH"},{"AttributeName":"startsAt","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]}'
table patients '{"TableName":"patients","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"patientId","AttributeType":"S"}],"KeySchema":[{"AttributeName":"patientId","KeyType":"HASH"}]}'
table patient-emails '{"TableName":"patient-emails","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"email","AttributeType":"S"}],"KeySchema":[{"AttributeName":"email","KeyType":"HASH"}]}'
table providers '{"TableName":"providers","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"providerId","AttributeType":"S"}],"KeySchema":[{"AttributeName":"providerId","KeyType":"HASH"}]}'
table slot-locks '{"TableName":"slot-locks","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"providerId","AttributeType":"S"},{"AttributeName":"slotStart","AttributeType":"S"}],"KeySchema":[{"AttributeName":"providerId","KeyType":"HASH"},{"AttributeName":"slotStart","KeyType":"RANGE"}]}'
table request-outcomes '{"TableName":"request-outcomes","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"requestId","AttributeType":"S"}],"KeySchema":[{"AttributeName":"requestId","KeyType":"HASH"}]}'
time_to_live request-outcomes expiresAt
table timers '{"TableName":"timers","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"shard","AttributeType":"S"},{"AttributeName":"dueKey","AttributeType":"S"}],"KeySchema":[{"AttributeName":"shard","KeyType":"HASH"},{"AttributeName":"dueKey","KeyType":"RANGE"}]}'
time_to_live timers expiresAt
table notifications '{"TableName":"notifications","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"notificationId","AttributeType":"S"}],"KeySchema":[{"AttributeName":"notificationId","KeyType":"HASH"}]}'
time_to_live notifications expiresAt
echo "provisioned 3 queues and 8 tables"
