################################################################################
# Cluster
################################################################################

output "cluster_id" {
  description = "Identifier of the DocumentDB cluster."
  value       = try(aws_docdb_cluster.this.id, null)
}

output "endpoint" {
  description = "Writer endpoint of the DocumentDB cluster."
  value       = try(aws_docdb_cluster.this.endpoint, null)
}

output "reader_endpoint" {
  description = "Reader endpoint of the DocumentDB cluster."
  value       = try(aws_docdb_cluster.this.reader_endpoint, null)
}

output "port" {
  description = "TCP port of the DocumentDB cluster."
  value       = try(aws_docdb_cluster.this.port, null)
}
